// What every entry point needs from the runner: the pipeline's one function, a way to keep
// input that never became a trigger, and a logger. Built once by the command that starts
// the mode; tests pass a scripted handler.

import type { Snooze, Trigger } from '@escher/shared';
import type { EscherError } from '../errors.js';
import type { Logger } from '../log.js';
import type { RunResult } from '../pipeline/result.js';

export interface EntryDeps {
  /** The pipeline (handleTrigger with its deps bound). */
  handle(trigger: Trigger): Promise<RunResult>;
  /** Keeps refused input in the state's dead-letters; returns the dead-letter id. */
  deadLetter(raw: unknown, error: EscherError): Promise<string>;
  log: Logger;
  /** Snoozes by signed link (serve mode); absent where the runner has no state or secret store. */
  snoozes?: SnoozeSink;
}

export interface SnoozeSink {
  /** The key snooze links are signed with (the webhook shared secret); undefined when unset. */
  key(): Promise<string | undefined>;
  add(snooze: Snooze): Promise<void>;
}
