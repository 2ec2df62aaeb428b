// What every entry point needs from the runner: the pipeline's one function, a way to keep
// input that never became a trigger, and a logger. Built once by the command that starts
// the mode; tests pass a scripted handler.

import type { Trigger } from '@escher/shared';
import type { EscherError } from '../errors.js';
import type { Logger } from '../log.js';
import type { RunResult } from '../pipeline/result.js';

export interface EntryDeps {
  /** The pipeline (handleTrigger with its deps bound). */
  handle(trigger: Trigger): Promise<RunResult>;
  /** Keeps refused input in the state's dead-letters; returns the dead-letter id. */
  deadLetter(raw: unknown, error: EscherError): Promise<string>;
  log: Logger;
}
