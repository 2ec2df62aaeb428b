import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNotifier } from '../../src/notify/create-notifier.js';
import { stateBannerSink } from '../../src/notify/state-banners.js';
import { homeState } from '../support/state.js';
import { bucketFixed, collectingLogger } from './fixtures.js';
import { memorySecrets } from './memory-secrets.js';

const noChannels = { emails: [], sms: [], slack: false, teams: false, pagerduty: false };

describe('banner records in the state', () => {
  it('writes one alerts_events record per incident, replaced by a later notification', async () => {
    const state = homeState(mkdtempSync(join(tmpdir(), 'escher-banners-')));
    const notifier = createNotifier(noChannels, memorySecrets(), {
      log: collectingLogger(),
      banners: stateBannerSink(state),
    });
    expect(await notifier.send({ ...bucketFixed, resolved: false })).toEqual([
      { channel: 'banner', ok: true },
    ]);
    expect(await notifier.send({ ...bucketFixed, resolved: true })).toEqual([
      { channel: 'banner', ok: true },
    ]);
    const records = await state.listRecords('alerts_events', 'banner:');
    expect(records).toEqual([
      {
        id: `banner:${bucketFixed.dedup_key}`,
        kind: 'banner',
        severity: 'CRITICAL',
        title: "S3 bucket 'my-data' made public",
        summary: 'Escher automatically made the bucket private.',
        lines: [
          'Exposed for 2 minutes 17 seconds',
          'Made public by john@company.com',
          'Verification: bucket now private',
        ],
        actions: [{ label: 'View Full Timeline', url: 'https://app.escher.example/alerts/alert-1' }],
        resolved: true,
        source: 'remediation',
        at: '2026-11-22T02:32:33.000Z',
        show: 'banner',
      },
    ]);
  });
});
