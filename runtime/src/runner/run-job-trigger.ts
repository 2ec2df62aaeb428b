// `{kind:'job'}` and `{kind:'due'}` for the dispatch table: run the named scheduled job (or
// record it for later when a snooze delays it), and the delayed runs whose time has come,
// through the jobs module with the pipeline's state, notifier and clock. A job the config
// does not know is bad input (dead-lettered); anything else that fails is retried.

import { randomUUID } from 'node:crypto';
import type { Trigger } from '@escher/shared';
import { asEscherError, ConfigError } from '../errors.js';
import type { JobRunnerOptions } from '../jobs/job-runner.js';
import { deadLetter, hashOf } from '../pipeline/dead-letter.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { combine, type RunResult } from '../pipeline/result.js';

/** The jobs module's options from the pipeline's; `what` names the trigger in the error. */
function jobOptions(deps: PipelineDeps, what: string): JobRunnerOptions {
  if (!deps.runtime)
    throw new ConfigError(`${what} need the runner built from its environment (buildRunnerDeps)`);
  return {
    env: deps.runtime.env,
    config: deps.runtime.config,
    state: deps.state,
    log: deps.log,
    notifier: deps.notifier,
    secrets: deps.runtime.secrets,
    clock: deps.clock,
  };
}

export async function runJobTrigger(
  trigger: Extract<Trigger, { kind: 'job' }>,
  deps: PipelineDeps,
): Promise<RunResult> {
  const id = `job:${trigger.job}:${trigger.scheduled_for ?? deps.clock().toISOString()}`;
  try {
    const options = jobOptions(deps, 'job triggers');
    const { runJobByName } = await import('../jobs/job-runner.js');
    const scheduledFor = trigger.scheduled_for ? new Date(trigger.scheduled_for) : undefined;
    const result = await runJobByName(trigger.job, scheduledFor, options);
    deps.log.info('job run', { job: trigger.job, run: result.runId, summary: result.summary });
    return combine([{ status: 'done', id: result.runId, duplicate: false }]);
  } catch (err) {
    const error = asEscherError(err);
    if (error.exitCode !== 2) return combine([{ status: 'retry', id, error }]);
    const deadLetterId = await deadLetter(deps, {
      id: hashOf(trigger),
      step: 'dispatch',
      error,
      raw: trigger,
    });
    return combine([{ status: 'bad_input', id, error, deadLetterId }]);
  }
}

/** `{kind:'due'}`: delayed job runs whose time has come; a failed one is retried by the next tick. */
export async function runDueTrigger(deps: PipelineDeps): Promise<RunResult> {
  const id = `due:${deps.clock().toISOString()}`;
  try {
    const options = jobOptions(deps, 'due triggers');
    const { runDueJobs } = await import('../jobs/due-runs.js');
    const report = await runDueJobs(options, {
      owner: `${deps.actor}#${randomUUID()}`,
      leaseMs: deps.leaseMs,
    });
    deps.log.info('due job runs', {
      ran: report.ran.length,
      waiting: report.waiting,
      elsewhere: report.elsewhere,
      failed: report.failed.length,
    });
    return combine([
      ...report.ran.map((r) => ({
        status: 'done' as const,
        id: `${r.job}@${r.scheduledFor}`,
        duplicate: false,
      })),
      ...report.failed.map((f) => ({
        status: 'retry' as const,
        id: `${f.job}@${f.scheduledFor}`,
        error: asEscherError(f.error),
      })),
    ]);
  } catch (err) {
    return combine([{ status: 'retry', id, error: asEscherError(err) }]);
  }
}
