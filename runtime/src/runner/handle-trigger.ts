// The runner's one entry for every platform: a Trigger in, a RunResult out. Dispatch is a
// table by trigger kind; entry points (CLI, Lambda, task, HTTP) only translate platform
// input into a Trigger and the result into an exit status, HTTP status or batch failure.

import { type Trigger, TriggerSchema } from '@escher/shared';
import { type EscherError, InputError } from '../errors.js';
import { deadLetter, hashOf } from '../pipeline/dead-letter.js';
import type { PipelineDeps, RunOptions } from '../pipeline/deps.js';
import { processEvent } from '../pipeline/process-event.js';
import { combine, type RunResult } from '../pipeline/result.js';
import { runApprovedActions } from '../pipeline/run-approved.js';
import { runDueTrigger, runJobTrigger } from './run-job-trigger.js';
import { runMaintenanceTrigger } from './run-maintenance-trigger.js';

export type TriggerHandler<K extends Trigger['kind']> = (
  trigger: Extract<Trigger, { kind: K }>,
  deps: PipelineDeps,
  options: RunOptions,
) => Promise<RunResult>;

export type TriggerHandlers = { [K in Trigger['kind']]: TriggerHandler<K> };

export const defaultHandlers: TriggerHandlers = {
  event: async (trigger, deps, options) => {
    const approved = options.dryRun ? [] : await runApprovedActions(deps);
    const result = await processEvent(deps, trigger.event, options);
    return combine([...approved, ...result.items]);
  },
  job: (trigger, deps) => runJobTrigger(trigger, deps),
  // The report's collectors bring every cloud's SDK, seconds of loading an event run never needs.
  report: async (trigger, deps, options) =>
    (await import('../report/report-trigger.js')).runReportTrigger(trigger, deps, options),
  maintenance: (_trigger, deps) => runMaintenanceTrigger(deps),
  due: (_trigger, deps) => runDueTrigger(deps),
};

async function refused(
  deps: PipelineDeps,
  raw: unknown,
  step: string,
  error: EscherError,
): Promise<RunResult> {
  const id = hashOf(raw);
  const deadLetterId = await deadLetter(deps, { id, step, error, raw });
  return combine([{ status: 'bad_input', id, error, deadLetterId }]);
}

export async function handleTrigger(
  input: unknown,
  deps: PipelineDeps,
  options: RunOptions = { dryRun: false },
  handlers: TriggerHandlers = defaultHandlers,
): Promise<RunResult> {
  const parsed = TriggerSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const error = new InputError(
      `not a trigger: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'bad value'}`,
      {
        hint: 'a trigger is {"kind":"event","event":...}, {"kind":"job","job":"name"}, {"kind":"report"}, {"kind":"maintenance"} or {"kind":"due"}',
      },
    );
    return refused(deps, input, 'accept', error);
  }
  const trigger = parsed.data;
  const handler = handlers[trigger.kind] as TriggerHandler<typeof trigger.kind>;
  return handler(trigger, deps, options);
}
