// Errors of talking to the Escher AI server. None of them stops a run: the built-in
// analyst answers instead and the alert record keeps the reason.

import { EscherError, TransientError } from '../errors.js';

/** The server answered, but not with a valid analysis (bad JSON, wrong shape, unknown action). */
export class AiContractError extends EscherError {
  override name = 'AiContractError';
}

/** The server answered with something policy forbids (an action or target it was not offered). */
export class AiPolicyViolationError extends EscherError {
  override name = 'AiPolicyViolationError';
}

/** Timeouts, 5xx, 429 and network failures, after the bounded retries. */
export class AiUnavailableError extends TransientError {
  override name = 'AiUnavailableError';
}
