// Errors of scheduled jobs. Each names the job and, where it applies, the field or guardrail.

import { EscherError, InputError } from '../errors.js';

/** The JobSpec, template parameters or job name are unusable; nothing ran. */
export class JobSpecError extends InputError {
  override name = 'JobSpecError';
}

/** A guardrail stopped the run before any call that changes a resource. */
export class GuardrailError extends EscherError {
  override name = 'GuardrailError';
  override readonly exitCode = 2;
}
