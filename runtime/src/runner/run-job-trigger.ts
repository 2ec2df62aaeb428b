// `{kind:'job'}` for the dispatch table: runs the named scheduled job through the jobs
// module, with the pipeline's state, notifier and clock. A job the config does not know is
// bad input (dead-lettered); anything else that fails is retried by the platform.

import type { Trigger } from '@escher/shared';
import { asEscherError, ConfigError } from '../errors.js';
import { deadLetter, hashOf } from '../pipeline/dead-letter.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { combine, type RunResult } from '../pipeline/result.js';

export async function runJobTrigger(
  trigger: Extract<Trigger, { kind: 'job' }>,
  deps: PipelineDeps,
): Promise<RunResult> {
  const id = `job:${trigger.job}:${trigger.scheduled_for ?? deps.clock().toISOString()}`;
  try {
    if (!deps.runtime)
      throw new ConfigError('job triggers need the runner built from its environment (buildRunnerDeps)');
    const { runJobByName } = await import('../jobs/job-runner.js');
    const scheduledFor = trigger.scheduled_for ? new Date(trigger.scheduled_for) : deps.clock();
    const result = await runJobByName(trigger.job, scheduledFor, {
      env: deps.runtime.env,
      config: deps.runtime.config,
      state: deps.state,
      log: deps.log,
      notifier: deps.notifier,
      secrets: deps.runtime.secrets,
      clock: deps.clock,
    });
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
