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
  if (typeof value !== 'string') return undefined;
  // Most strings start with a visible character; only the rest need the full scan.
  return value.length > 0 && (value.charCodeAt(0) > 32 || NOT_BLANK.test(value)) ? value : undefined;
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

// Most vendor times are already UTC ISO-8601 with 'Z' ('…:SSZ' or '…:SS.mmmZ'); checking their
// digits directly is several times cheaper than a round trip through Date on the hot path.
export function isoTimestamp(value: unknown, source: string, field: string): string {
  if (value === undefined || value === null || value === '') throw new MissingFieldError(source, field);
  const canonicalShape =
    typeof value === 'string' &&
    (value.length === 20 || value.length === 24) &&
    value[10] === 'T' &&
    value.endsWith('Z');
  if (canonicalShape) {
    // Date.parse would roll 2019-02-30 into March; a canonical-looking time is right or refused.
    if (!checkedCanonical(value)) throw new InvalidFieldError(source, field, 'a timestamp');
    return value.length === 24 ? value : `${value.slice(0, 19)}.000Z`;
  }
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

/** A canonical UTC string whose fields name a real instant (no 2019-02-30, no 24:00). */
function checkedCanonical(v: string): boolean {
  const n = (at: number, len: number) => {
    let out = 0;
    for (let i = at; i < at + len; i++) {
      const d = v.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      out = out * 10 + d;
    }
    return out;
  };
  if (v[4] !== '-' || v[7] !== '-' || v[10] !== 'T' || v[13] !== ':' || v[16] !== ':') return false;
  if (v[v.length - 1] !== 'Z' || (v.length === 24 && (v[19] !== '.' || n(20, 3) < 0))) return false;
  const [year, month, day, hour, minute, second] = [n(0, 4), n(5, 2), n(8, 2), n(11, 2), n(14, 2), n(17, 2)];
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
    return false;
  return hour >= 0 && minute >= 0 && second >= 0 && day <= daysIn(year, month);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function checked(ms: number): number | undefined {
  // Years 1970..9999 only: toISOString throws outside ±275760 and six-digit years are not ISO-8601 proper.
  return Number.isFinite(ms) && ms >= 0 && ms < 253402300800000 ? ms : undefined;
}
