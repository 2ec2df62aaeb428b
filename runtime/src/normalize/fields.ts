// Safe readers for untrusted JSON. Normalisers read vendor payloads only through these,
// so a missing or retyped field becomes a typed error naming it, never a TypeError.

import { InvalidFieldError, MissingFieldError } from './errors.js';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(from: unknown, key: string): Json | undefined {
  if (!isObject(from)) return undefined;
  const value = from[key];
  return isObject(value) ? value : undefined;
}

const NOT_BLANK = /\S/;

/** A string with something other than whitespace in it, or undefined. */
export function str(from: unknown, key: string): string | undefined {
  if (!isObject(from)) return undefined;
  const value = from[key];
  return typeof value === 'string' && NOT_BLANK.test(value) ? value : undefined;
}

export function num(from: unknown, key: string): number | undefined {
  if (!isObject(from)) return undefined;
  const value = from[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

export function arr(from: unknown, key: string): unknown[] | undefined {
  if (!isObject(from)) return undefined;
  const value = from[key];
  return Array.isArray(value) ? value : undefined;
}

export function bool(from: unknown, key: string): boolean | undefined {
  if (!isObject(from)) return undefined;
  const value = from[key];
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** Reads a path of object keys, e.g. path(x, 'detail', 'requestParameters'). */
export function path(from: unknown, ...keys: string[]): unknown {
  let cur = from;
  for (const key of keys) {
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

export function need<T>(value: T | undefined, source: string, field: string): T {
  if (value === undefined) throw new MissingFieldError(source, field);
  return value;
}

// Vendor timestamps seen in the wild: ISO-8601 (with '+0000' offsets, or stray spaces in
// documentation samples), RFC-1123 dates, and epoch seconds or milliseconds.
const MAX_TIMESTAMP_LENGTH = 64;

export function isoTimestamp(value: unknown, source: string, field: string): string {
  if (value === undefined || value === null || value === '') throw new MissingFieldError(source, field);
  const ms = toEpochMs(value);
  if (ms === undefined) throw new InvalidFieldError(source, field, 'a timestamp');
  return new Date(ms).toISOString();
}

function toEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    return checked(value < 1e11 ? value * 1000 : value);
  }
  if (typeof value !== 'string' || value.length > MAX_TIMESTAMP_LENGTH) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return toEpochMs(Number(value));
  const direct = Date.parse(value);
  if (!Number.isNaN(direct)) return checked(direct);
  const compact = value.replace(/(\d)\s*:\s*(\d)/g, '$1:$2').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  return checked(Date.parse(compact));
}

function checked(ms: number): number | undefined {
  // Years 1970..9999 only: toISOString throws outside ±275760 and six-digit years are not ISO-8601 proper.
  return Number.isFinite(ms) && ms >= 0 && ms < 253402300800000 ? ms : undefined;
}
