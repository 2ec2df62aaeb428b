import { describe, expect, it } from 'vitest';
import { estimatedMonthlySavings, HOURS_PER_MONTH, OFF_HOURS_FRACTION } from '../../src/jobs/price-table.js';
import { summarize } from '../../src/jobs/summary.js';
import { vm } from './fixtures.js';

const fleet = [
  ...Array.from({ length: 5 }, (_, i) => vm('aws', `i-${i}`, {}, { monthly_cost_usd: 30 })),
  ...Array.from({ length: 6 }, (_, i) => vm('azure', `vm-${i}`, {}, { monthly_cost_usd: 30 })),
  ...Array.from({ length: 4 }, (_, i) => vm('gcp', `gce-${i}`, {}, { monthly_cost_usd: 30 })),
];

describe('summarize', () => {
  it('writes the seed sentence with per-cloud counts, duration and savings', () => {
    expect(
      summarize({ action: 'stop', done: fleet, failed: 0, skipped: 0, durationMs: 12_300, dryRun: false }),
    ).toBe('Stopped 15 VMs — 5 AWS, 6 Azure, 4 GCP — in 12 s; est. savings $289/month');
  });

  it('names failures and skips, and gives no savings for a start', () => {
    expect(
      summarize({
        action: 'start',
        done: fleet.slice(0, 1),
        failed: 2,
        skipped: 1,
        durationMs: 900,
        dryRun: false,
      }),
    ).toBe('Started 1 VM — 1 AWS — in 1 s (2 failed, 1 skipped)');
  });
});

describe('estimatedMonthlySavings', () => {
  it('prefers the estate cost, then the price table, and counts unknown sizes as 0', () => {
    const known = vm('aws', 'i-1', {}, { size: 'm5.large' });
    const unknown = vm('aws', 'i-2', {}, { size: 'x9.huge' });
    const costed = vm('aws', 'i-3', {}, { size: 'm5.large', monthly_cost_usd: 100 });
    expect(estimatedMonthlySavings([known])).toBe(Math.round(0.096 * HOURS_PER_MONTH * OFF_HOURS_FRACTION));
    expect(estimatedMonthlySavings([unknown])).toBe(0);
    expect(estimatedMonthlySavings([costed])).toBe(Math.round(100 * OFF_HOURS_FRACTION));
  });
});
