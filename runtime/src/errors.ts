// The runtime's error family. Every error a person can see carries what went wrong,
// which object it concerns, and what to do about it; foreign errors ride along as `cause`.

export interface EscherErrorOptions {
  /** What the user should do to fix it, in one sentence. */
  hint?: string;
  cause?: unknown;
  /** Extra context for logs and dead-letter records (never secrets). */
  details?: Record<string, unknown>;
}

export class EscherError extends Error {
  override name = 'EscherError';
  /** Process exit status when this error ends a CLI run. 2 = the input or configuration is wrong. */
  readonly exitCode: number = 1;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown>;

  constructor(message: string, options: EscherErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.details = options.details ?? {};
  }

  /** One line for a terminal: the message, then the hint. */
  toUserMessage(): string {
    return this.hint ? `${this.message} (${this.hint})` : this.message;
  }
}

/** The user's input (a file, a flag, a trigger) is unusable; retrying will not help. */
export class InputError extends EscherError {
  override name = 'InputError';
  override readonly exitCode = 2;
}

/** Configuration (URLs, environment, settings) is wrong or incomplete. */
export class ConfigError extends EscherError {
  override name = 'ConfigError';
  override readonly exitCode = 2;
}

/** Stored state is damaged or of a format this runner cannot read. */
export class IntegrityError extends EscherError {
  override name = 'IntegrityError';
  override readonly exitCode = 2;
}

/** A conditional write lost: another writer changed or created the object first. */
export class PreconditionFailedError extends EscherError {
  override name = 'PreconditionFailedError';
}

/** A remote service failed in a way that may pass (throttling, 5xx, timeouts). */
export class TransientError extends EscherError {
  override name = 'TransientError';
}

/** Turns anything thrown into an EscherError without losing the original. */
export function asEscherError(err: unknown, fallbackMessage = 'unexpected error'): EscherError {
  if (err instanceof EscherError) return err;
  const message = err instanceof Error && err.message ? err.message : fallbackMessage;
  return new EscherError(message, { cause: err });
}
