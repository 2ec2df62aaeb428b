// Errors of event normalisation. Each names the source (normaliser or envelope) and the
// field that made the input unusable, so a dead-letter record says what to fix.

import { InputError } from '../errors.js';

export interface NormalisationErrorOptions {
  /** The normaliser or envelope that rejected the input, e.g. 'aws.cloudtrail' or 'sqs'. */
  source: string;
  /** Dotted path of the offending field inside the input ('' for the whole input). */
  field: string;
  cause?: unknown;
}

/** Base of the family: the input cannot become a UnifiedEvent. Exit status 2. */
export class NormalisationError extends InputError {
  override name = 'NormalisationError';
  readonly source: string;
  readonly field: string;

  constructor(message: string, options: NormalisationErrorOptions) {
    super(message, {
      hint: 'the event is kept whole in the dead-letter; check the sender or add a normaliser',
      cause: options.cause,
      details: { source: options.source, field: options.field },
    });
    this.source = options.source;
    this.field = options.field;
  }
}

/** The input is not JSON, or not a JSON object/array at all. */
export class MalformedEventError extends NormalisationError {
  override name = 'MalformedEventError';
}

/** A recognised source lacks a field it always carries. */
export class MissingFieldError extends NormalisationError {
  override name = 'MissingFieldError';
  constructor(source: string, field: string) {
    super(`${source} event has no usable ${field}`, { source, field });
  }
}

/** A field is present but of the wrong type or format (e.g. an unparseable timestamp). */
export class InvalidFieldError extends NormalisationError {
  override name = 'InvalidFieldError';
  constructor(source: string, field: string, expected: string) {
    super(`${source} event field ${field} is not ${expected}`, { source, field });
  }
}

/** Envelopes nest deeper than any real delivery path does. */
export class NestingTooDeepError extends NormalisationError {
  override name = 'NestingTooDeepError';
}

/** A normaliser failed in a way it did not foresee: a bug, kept as a typed error with its cause. */
export class UnexpectedNormalisationError extends NormalisationError {
  override name = 'UnexpectedNormalisationError';
}
