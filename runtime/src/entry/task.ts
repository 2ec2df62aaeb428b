// Container task mode (ECS RunTask overrides, Azure Container Instances, Cloud Run jobs):
// one trigger from the --trigger argument or ESCHER_TRIGGER, run once, and an exit status
// the platform's retry understands: 0 done, 1 retryable failure, 2 bad trigger.

import { InputError } from '../errors.js';
import { exitCodeOf } from '../pipeline/result.js';
import type { EntryDeps } from './entry-deps.js';
import { runInput, summarize } from './run-input.js';

export interface TaskOutcome {
  exitCode: number;
  summary: ReturnType<typeof summarize>;
}

export async function runTask(trigger: string | undefined, deps: EntryDeps): Promise<TaskOutcome> {
  if (trigger === undefined || trigger.trim() === '') {
    throw new InputError('no trigger given', {
      hint: 'pass --trigger JSON or set ESCHER_TRIGGER (as RunTask overrides and job definitions do)',
    });
  }
  const result = await runInput(trigger, deps);
  const summary = summarize(result);
  deps.log.info('task finished', summary);
  return { exitCode: exitCodeOf(result), summary };
}
