// The event pipeline's entry: raw trigger in, one result per event (or refused part)
// out. Refused parts are dead-lettered with the error naming the problem; one bad record
// never sinks the others in a batch.

import { asEscherError } from '../errors.js';
import { acceptInput } from './accept.js';
import { deadLetter } from './dead-letter.js';
import type { PipelineDeps, RunOptions } from './deps.js';
import { combine, type ItemResult, type RunResult } from './result.js';
import { runEvent } from './run-event.js';

export async function processEvent(
  deps: PipelineDeps,
  raw: unknown,
  options: RunOptions,
): Promise<RunResult> {
  const accepted = acceptInput(raw, deps.clock);
  const items: ItemResult[] = [];
  for (const { id, error } of accepted.rejected) {
    const deadLetterId = options.dryRun ? id : await deadLetter(deps, { id, step: 'normalise', error, raw });
    items.push({ status: 'bad_input', id, error, deadLetterId });
  }
  for (const event of accepted.events) {
    try {
      items.push(await runEvent(deps, event, options));
    } catch (err) {
      // Only state I/O failures land here (the run itself dead-letters bad input): retry.
      items.push({ status: 'retry', id: event.event_id, error: asEscherError(err) });
    }
  }
  return combine(items);
}
