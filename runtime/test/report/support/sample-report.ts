// A report built by the pure analysis from plain facts: two findings, a cost history and
// one unavailable collector, for renderer tests that need no emulator.

import { type Report, ReportSettingsSchema } from '@escher/shared';
import { buildReport } from '../../../src/report/analyse/build-report.js';
import type { Observed } from '../../../src/report/collectors/observations.js';

export const NOW = new Date('2026-03-15T02:00:00Z');

const cpu = (pct: number) => Array.from({ length: 30 }, () => pct);

export const OBSERVED: Observed[] = [
  {
    section: 'cost',
    cloud: 'aws',
    account: '111111111111',
    as_of: '2026-03-15T00:00:00.000Z',
    lines: [
      { date: '2026-03-13', service: 'Amazon EC2', amount: 800 },
      { date: '2026-03-14', service: 'Amazon EC2', amount: 950.5 },
      { date: '2026-03-14', service: 'Amazon S3', amount: 50 },
    ],
  },
  {
    section: 'optimisation',
    cloud: 'aws',
    account: '111111111111',
    instances: [
      {
        id: 'i-idle',
        name: 'idle <dev>',
        region: 'us-east-1',
        size: 't3.large',
        state: 'running',
        cpu_daily: cpu(1),
      },
    ],
    volumes: [],
    snapshots: [],
    volume_ids: [],
  },
  {
    section: 'security',
    cloud: 'gcp',
    account: 'proj-1',
    exposures: [
      {
        kind: 'public_bucket',
        resource_id: 'b1',
        name: 'public-data',
        region: 'US',
        detail: 'allUsers can read',
      },
    ],
    volumes: [],
  },
];

export function sampleReport(): Report {
  return buildReport({
    date: '2026-03-15',
    now: NOW,
    settings: ReportSettingsSchema.parse({}),
    observed: OBSERVED,
    statuses: [
      { collector: 'aws.cost', section: 'cost', cloud: 'aws', account: '111111111111', status: 'ok' },
      {
        collector: 'azure.cost',
        section: 'cost',
        cloud: 'azure',
        account: '',
        status: 'unavailable',
        reason: 'azure is not configured',
      },
    ],
  });
}
