// The seed's CRITICAL example (a PII bucket made public, fixed two minutes later) as a
// notification, plus a quiet logger for notifier tests.

import { createLogger, type Logger } from '../../src/log.js';
import type { NotificationInput } from '../../src/notify/notification.js';
import { Redactor } from '../../src/secrets/redactor.js';

export const bucketFixed: NotificationInput = {
  dedup_key: 'alert-aws-123456789012-s3-my-data-20261122T023215Z',
  severity: 'CRITICAL',
  title: "S3 bucket 'my-data' made public",
  summary: 'Escher automatically made the bucket private.',
  lines: [
    'Exposed for 2 minutes 17 seconds',
    'Made public by john@company.com',
    'Verification: bucket now private',
  ],
  actions: [{ label: 'View Full Timeline', url: 'https://app.escher.example/alerts/alert-1' }],
  resolved: false,
  source: 'remediation',
  at: '2026-11-22T02:32:33.000Z',
};

export function collectingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', redactor: new Redactor(), sink: (line) => lines.push(line) });
  return Object.assign(log, { lines });
}
