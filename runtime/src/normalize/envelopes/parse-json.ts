// JSON text carried inside an envelope (SQS body, SNS Message, Pub/Sub data).

import { MalformedEventError } from '../errors.js';

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
