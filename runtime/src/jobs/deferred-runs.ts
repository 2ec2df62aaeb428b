// Job runs a "delay" snooze moved past their scheduled time, for runners that cannot wait:
// cloud schedulers fire at the cron time, so the `{kind:'job'}` trigger records the run here
// and the scheduler's `{kind:'due'}` tick carries it out once its time has come. The daemon
// waits by itself and never needs these records.

import type { Snooze } from '@escher/shared';
import { z } from 'zod';
import type { RunnerState } from '../pipeline/state.js';
import { effectiveRunTime, snoozeFor } from './snooze.js';

const PREFIX = 'job-deferred:';

export const DeferredRunSchema = z.object({
  job: z.string().min(1),
  /** The scheduled instant: the run's identity (its job run id), whenever it happens. */
  scheduled_for: z.iso.datetime(),
  /** When the snooze said it should happen, at the time it was deferred. */
  due_at: z.iso.datetime(),
  deferred_at: z.iso.datetime(),
  /** Set when the run happened (or a later snooze skipped it); the record is then history. */
  finished_at: z.iso.datetime().optional(),
  summary: z.string().optional(),
});
export type DeferredRun = z.infer<typeof DeferredRunSchema>;

export const deferredRunId = (job: string, scheduledFor: Date | string) =>
  `${PREFIX}${job}@${new Date(scheduledFor).toISOString()}`;

/** The key of the run's claim and create-only completion marker in the runner's state. */
export const deferredRunKey = (run: Pick<DeferredRun, 'job' | 'scheduled_for'>) =>
  deferredRunId(run.job, run.scheduled_for);

/** When a delayed run should happen instead of now; undefined when the run is due now. */
export function delayedUntil(
  snoozes: readonly Snooze[],
  job: string,
  scheduledFor: Date,
  now: Date,
): Date | undefined {
  const snooze = snoozeFor(snoozes, job, scheduledFor);
  if (snooze?.kind !== 'delay') return undefined;
  const at = effectiveRunTime(snooze, scheduledFor);
  return at && at.getTime() > now.getTime() ? at : undefined;
}

export type DueDecision = { run: DeferredRun; verdict: 'run' | 'wait' | 'skipped'; dueAt?: Date };

/**
 * What to do with each pending run now, by the snoozes as they are now: the latest word
 * counts, so a "skip" added after the delay cancels it and a new delay moves it.
 */
export function dueDecisions(
  pending: readonly DeferredRun[],
  snoozes: readonly Snooze[],
  now: Date,
): DueDecision[] {
  return pending.map((run) => {
    const scheduledFor = new Date(run.scheduled_for);
    const dueAt = effectiveRunTime(snoozeFor(snoozes, run.job, scheduledFor), scheduledFor);
    if (!dueAt) return { run, verdict: 'skipped' };
    return { run, verdict: dueAt.getTime() <= now.getTime() ? 'run' : 'wait', dueAt };
  });
}

export function deferredRuns(state: RunnerState) {
  return {
    async defer(job: string, scheduledFor: Date, dueAt: Date, now: Date): Promise<DeferredRun> {
      const run: DeferredRun = {
        job,
        scheduled_for: scheduledFor.toISOString(),
        due_at: dueAt.toISOString(),
        deferred_at: now.toISOString(),
      };
      await state.putRecord('user_playbooks', deferredRunId(job, scheduledFor), run);
      return run;
    },
    async pending(): Promise<DeferredRun[]> {
      const all = await state.listRecords('user_playbooks', PREFIX);
      return all.map((r) => DeferredRunSchema.parse(r)).filter((r) => !r.finished_at);
    },
    async finish(run: DeferredRun, summary: string, at: Date): Promise<void> {
      await state.putRecord('user_playbooks', deferredRunKey(run), {
        ...run,
        finished_at: at.toISOString(),
        summary,
      });
    },
  };
}
