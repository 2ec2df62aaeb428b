// The entry point: any cloud event (or batch, or envelope) in, UnifiedEvents and typed
// errors out. One bad record never sinks the others; nothing is silently dropped.

import type { UnifiedEvent } from '@escher/shared';
import {
  MalformedEventError,
  NestingTooDeepError,
  NormalisationError,
  UnexpectedNormalisationError,
} from './errors.js';
import { isObject } from './fields.js';
import type { EventSource, Origin } from './source.js';
import { envelopes, sources } from './sources.js';
import { unclassified } from './unclassified.js';

export interface NormaliseResult {
  events: UnifiedEvent[];
  errors: NormalisationError[];
}

export interface NormaliseOptions {
  /** Clock for unclassified events that carry no time of their own. */
  now?: () => Date;
}

// Real deliveries nest at most ~4 deep (SQS → SNS → EventBridge, Pub/Sub → CloudEvent…).
const MAX_DEPTH = 8;

export function normalize(input: unknown, options: NormaliseOptions = {}): NormaliseResult {
  const result: NormaliseResult = { events: [], errors: [] };
  visit(input, '', undefined, 0, result, options.now ?? (() => new Date()));
  return result;
}

/** Parses a JSON document, then normalises it. */
export function normalizeText(text: string, options: NormaliseOptions = {}): NormaliseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    const error = new MalformedEventError('input is not JSON', { source: 'input', field: '', cause });
    return { events: [], errors: [error] };
  }
  return normalize(parsed, options);
}

function visit(
  value: unknown,
  at: string,
  origin: Origin | undefined,
  depth: number,
  result: NormaliseResult,
  now: () => Date,
): void {
  if (depth > MAX_DEPTH) {
    const error = new NestingTooDeepError(`envelopes nest deeper than ${MAX_DEPTH}`, {
      source: 'input',
      field: at,
    });
    result.errors.push(error);
    return;
  }
  if (Array.isArray(value)) {
    // An empty batch at the top is simply nothing to do; inside an envelope a payload went missing.
    if (value.length === 0 && depth > 0) {
      result.errors.push(new MalformedEventError(`${at} is an empty batch`, { source: 'input', field: at }));
    }
    value.forEach((item, i) => {
      visit(item, `${at}[${i}]`, origin, depth + 1, result, now);
    });
    return;
  }
  if (!isObject(value)) {
    const what = value === null ? 'null' : typeof value;
    result.errors.push(
      new MalformedEventError(`${at || 'input'} is ${what}, not a JSON object`, {
        source: 'input',
        field: at,
      }),
    );
    return;
  }
  let source: EventSource | undefined;
  try {
    const envelope = first(envelopes, value);
    if (envelope) {
      for (const inner of envelope.unwrap(value)) {
        if (inner.error) result.errors.push(located(inner.error, at, envelope.name));
        else visit(inner.value, join(at, inner.path), inner.origin ?? origin, depth + 1, result, now);
      }
      return;
    }
    source = first(sources, value);
    const events = source ? source.normalise(value) : unclassified(value, now, origin);
    for (const event of events) result.events.push(event);
  } catch (err) {
    result.errors.push(located(err, at, source?.name ?? 'input'));
  }
}

function located(err: unknown, at: string, source: string): NormalisationError {
  const error =
    err instanceof NormalisationError
      ? err
      : new UnexpectedNormalisationError(
          `normaliser failed: ${err instanceof Error ? err.message : String(err)}`,
          {
            source,
            field: '',
            cause: err,
          },
        );
  if (at) error.details.at = at;
  return error;
}

function join(at: string, inner: string): string {
  if (!at) return inner;
  return inner.startsWith('[') ? `${at}${inner}` : `${at}.${inner}`;
}

/** The first module that recognises the input (a plain loop: this runs for every payload). */
function first<T extends { recognise(input: Record<string, unknown>): boolean }>(
  modules: readonly T[],
  input: Record<string, unknown>,
): T | undefined {
  for (const m of modules) if (m.recognise(input)) return m;
  return undefined;
}
