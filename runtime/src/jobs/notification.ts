// The summary notification of a job run: the one-line summary, a line per failure, and
// link-style actions to snooze the next run (or their CLI equivalent when no link exists).

import type { ExecutedOperation, JobSpec } from '@escher/shared';
import type { NotificationInput } from '../notify/notification.js';
import { nextRuns } from './schedule.js';
import { signSnoozeToken } from './snooze.js';

/** Signed links for the next run of a job, e.g. "Skip tonight" and "Delay 2 h". */
export type SnoozeLinks = (job: string, nextRun: Date) => { label: string; url: string }[];

const MAX_FAILURE_LINES = 20;

/**
 * "Skip tonight" and "Delay 2 h" links to `<baseUrl>/jobs/snooze?token=…`, signed with the
 * webhook shared secret; `serve` mode checks them with verifySnoozeToken.
 */
export function signedSnoozeLinks(baseUrl: string, key: Buffer): SnoozeLinks {
  const link = (token: string) =>
    `${baseUrl.replace(/\/$/, '')}/jobs/snooze?token=${encodeURIComponent(token)}`;
  return (job, nextRun) => {
    const run_at = nextRun.toISOString();
    return [
      { label: 'Skip next run', url: link(signSnoozeToken({ job, run_at, kind: 'skip' }, key)) },
      {
        label: 'Delay 2 h',
        url: link(signSnoozeToken({ job, run_at, kind: 'delay', delay_minutes: 120 }, key)),
      },
    ];
  };
}

export function jobNotification(input: {
  spec: JobSpec;
  runId: string;
  summary: string;
  operations: readonly ExecutedOperation[];
  at: Date;
  /** The scheduled instant of this run; the snooze offer is for the one after it. */
  scheduledFor: Date;
  links?: SnoozeLinks | undefined;
}): NotificationInput {
  const { spec, operations } = input;
  const failed = operations.filter((o) => o.outcome === 'failed');
  const lines = failed
    .slice(0, MAX_FAILURE_LINES)
    .map((o) => `${o.target.cloud} ${o.target.resource_id}: ${o.error ?? o.reason}`);
  if (failed.length > MAX_FAILURE_LINES)
    lines.push(`… and ${failed.length - MAX_FAILURE_LINES} more failures`);
  const restopped = operations.filter((o) => o.outcome === 'succeeded' && o.reason.includes('7 days'));
  if (restopped.length > 0)
    lines.push(`${restopped.length} RDS instance(s) restarted by AWS after 7 days were stopped again`);
  const next = nextRuns(spec.schedule, input.scheduledFor, 1)[0];
  if (next)
    lines.push(
      `Next run ${next.toISOString()}; to skip it: escher jobs snooze ${spec.name} --skip --at ${next.toISOString()}`,
    );
  return {
    dedup_key: `job:${input.runId}`,
    severity: failed.length > 0 ? 'HIGH' : 'INFO',
    title: `Job ${spec.name}`,
    summary: input.summary,
    lines,
    actions: next && input.links ? input.links(spec.name, next) : [],
    source: 'job',
    at: input.at.toISOString(),
  };
}
