// The words of a job run: "Stopped 15 VMs — 5 AWS, 6 Azure, 4 GCP — in 12 s; est. savings
// $450/month", plus one line per failure. Pure: outcomes in, text out.

import type { CloudProvider, EstateResource, JobAction } from '@escher/shared';
import { estimatedMonthlySavings } from './price-table.js';

const VERB: Record<JobAction, string> = {
  stop: 'Stopped',
  start: 'Started',
  deallocate: 'Deallocated',
  hibernate: 'Hibernated',
};
const CLOUD_LABEL: Record<CloudProvider, string> = { aws: 'AWS', azure: 'Azure', gcp: 'GCP' };

function noun(resources: readonly EstateResource[], count: number): string {
  const types = new Set(resources.map((r) => r.resource_type));
  const base =
    types.size === 1 && types.has('database_instance') ? 'database' : types.size <= 1 ? 'VM' : 'resource';
  return count === 1 ? base : `${base}s`;
}

export interface SummaryInput {
  action: JobAction;
  done: readonly EstateResource[];
  failed: number;
  skipped: number;
  durationMs: number;
  dryRun: boolean;
}

export function summarize(input: SummaryInput): string {
  const { action, done } = input;
  const perCloud = (['aws', 'azure', 'gcp'] as const)
    .map((c) => [c, done.filter((r) => r.cloud_provider === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${CLOUD_LABEL[c]}`);
  const head = input.dryRun
    ? `Dry run: would have ${VERB[action].toLowerCase()} ${done.length} ${noun(done, done.length)}`
    : `${VERB[action]} ${done.length} ${noun(done, done.length)}`;
  const clouds = perCloud.length > 0 ? ` — ${perCloud.join(', ')} —` : '';
  const seconds = Math.max(0, Math.round(input.durationMs / 1000));
  const savings = action === 'start' ? '' : `; est. savings $${estimatedMonthlySavings(done)}/month`;
  const tail = [
    input.failed > 0 ? `${input.failed} failed` : '',
    input.skipped > 0 ? `${input.skipped} skipped` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${head}${clouds} in ${seconds} s${savings}${tail ? ` (${tail})` : ''}`;
}
