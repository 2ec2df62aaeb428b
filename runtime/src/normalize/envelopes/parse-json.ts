// JSON text carried inside an envelope (SQS body, SNS Message, Pub/Sub data).

import { MalformedEventError, NormalisationError } from '../errors.js';

export function parseInner(text: string, source: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new MalformedEventError(`${source} ${field} is not JSON`, { source, field, cause });
  }
}

/** Cheap check before parsing: does the text look like a JSON object or array? */
export function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/** Runs one record's unwrapping, turning its typed error into a value so siblings go on. */
export function attempt(parse: () => unknown): { value: unknown; error?: NormalisationError } {
  try {
    return { value: parse() };
  } catch (err) {
    if (err instanceof NormalisationError) return { value: undefined, error: err };
    throw err;
  }
}
