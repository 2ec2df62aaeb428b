// The `{kind:'due'}` tick: carries out the delayed job runs whose time has come, each
// exactly once across concurrent runners (a lease, then the create-only completion marker
// of the runner's state), and closes those a later snooze skipped.

import { type DeferredRun, deferredRunKey, deferredRuns, dueDecisions } from './deferred-runs.js';
import { JobSpecError } from './errors.js';
import type { JobRunnerOptions } from './job-runner.js';
import { findJob, jobRunDeps } from './job-runner.js';
import { stateJobStore } from './job-store.js';
import { runJob } from './run-job.js';

export interface DueRunsReport {
  ran: { job: string; scheduledFor: string; summary: string }[];
  /** Runs whose delayed time is still ahead. */
  waiting: number;
  /** Runs another runner holds or already finished. */
  elsewhere: number;
  failed: { job: string; scheduledFor: string; error: unknown }[];
}

export interface DueRunsOptions {
  /** Who claims the runs (unique per process run). */
  owner: string;
  leaseMs: number;
}

export async function runDueJobs(o: JobRunnerOptions, lease: DueRunsOptions): Promise<DueRunsReport> {
  const clock = o.clock ?? (() => new Date());
  const now = clock();
  const store = stateJobStore(o.state, o.config);
  const deferred = deferredRuns(o.state);
  const report: DueRunsReport = { ran: [], waiting: 0, elsewhere: 0, failed: [] };
  for (const { run, verdict } of dueDecisions(await deferred.pending(), await store.snoozes(), now)) {
    if (verdict === 'wait') report.waiting += 1;
    else if (verdict === 'skipped') await deferred.finish(run, `Skipped ${run.job}: snoozed`, now);
    else {
      try {
        const summary = await runOnce(run, o, lease);
        if (summary === undefined) report.elsewhere += 1;
        else report.ran.push({ job: run.job, scheduledFor: run.scheduled_for, summary });
      } catch (error) {
        // The record stays pending: the next tick tries again, and targets already acted on are not repeated.
        o.log.error('delayed job run failed', { job: run.job, scheduled_for: run.scheduled_for, error });
        report.failed.push({ job: run.job, scheduledFor: run.scheduled_for, error });
      }
    }
  }
  return report;
}

/** The run's summary, or undefined when another runner has it or had it. */
async function runOnce(run: DeferredRun, o: JobRunnerOptions, lease: DueRunsOptions) {
  const clock = o.clock ?? (() => new Date());
  const key = deferredRunKey(run);
  const deferred = deferredRuns(o.state);
  const finished = async () => {
    const marker = await o.state.completion(key);
    // A runner that stopped between the marker and the record's update leaves the record to close.
    if (marker) await deferred.finish(run, String(marker.summary ?? 'finished'), clock());
    return marker !== undefined;
  };
  if (await finished()) return undefined;
  if (!(await o.state.claim(key, lease.owner, clock(), lease.leaseMs))) return undefined;
  try {
    if (await finished()) return undefined;
    const store = stateJobStore(o.state, o.config);
    const summary = await jobSummary(run, o, store);
    await o.state.complete(key, { at: clock().toISOString(), summary });
    await deferred.finish(run, summary, clock());
    return summary;
  } finally {
    await o.state.release(key, lease.owner);
  }
}

async function jobSummary(run: DeferredRun, o: JobRunnerOptions, store: ReturnType<typeof stateJobStore>) {
  let job: Awaited<ReturnType<typeof findJob>>;
  try {
    job = await findJob(store, run.job);
  } catch (err) {
    // The job was removed since the delay: nothing to run, and nothing to retry.
    if (err instanceof JobSpecError) return `Not run: ${err.message}`;
    throw err;
  }
  const scheduledFor = new Date(run.scheduled_for);
  const result = await runJob(job, scheduledFor, {
    ...jobRunDeps(o, store),
    snoozes: await store.snoozes(run.job),
  });
  return result.summary;
}
