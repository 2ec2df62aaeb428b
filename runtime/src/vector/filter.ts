// Payload filters: AND of `path=value` terms, where a path walks nested objects
// (`tags.env=dev`). Values compare as text, so `port=443` matches 443 and "443"; an array
// value matches when any element does. Sealed (encrypted) fields never match.

import { InputError } from '../errors.js';

export interface FilterTerm {
  path: string[];
  value: string;
}

export interface PayloadFilter {
  must: FilterTerm[];
}

/** Parses `a=1,tags.env=dev` or repeated `--filter` flags into one AND filter. */
export function parseFilter(expressions: string[]): PayloadFilter {
  const must: FilterTerm[] = [];
  for (const expression of expressions) {
    for (const term of expression.split(',')) {
      if (term.trim() === '') continue;
      const eq = term.indexOf('=');
      const key = term.slice(0, eq).trim();
      if (eq <= 0 || key.split('.').some((part) => part === '')) {
        throw new InputError(`filter term "${term}" is not key=value`, {
          hint: 'write filters like tags.env=dev or state=running,region=eu-west-1',
        });
      }
      must.push({ path: key.split('.'), value: term.slice(eq + 1).trim() });
    }
  }
  return { must };
}

/** Sealed values are stored as {"$enc": "<ciphertext>"}; filters never look inside one. */
export const isSealed = (value: object) => typeof (value as { $enc?: unknown }).$enc === 'string';

export function valueAt(payload: Record<string, unknown>, path: string[]): unknown {
  let current: unknown = payload;
  for (const part of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || isSealed(current))
      return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The text forms a payload value is indexed and matched under. */
export function matchKeys(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'object' ? [] : [String(v)]));
  return typeof value === 'object' ? [] : [String(value)];
}

/** Whether one of `value`'s matchKeys is `wanted`, without building them (filters run per row). */
function valueMatches(value: unknown, wanted: string): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some((v) => typeof v !== 'object' && String(v) === wanted);
  return typeof value !== 'object' && String(value) === wanted;
}

export function matchesFilter(payload: Record<string, unknown>, filter: PayloadFilter | undefined): boolean {
  if (!filter) return true;
  for (const term of filter.must) if (!valueMatches(valueAt(payload, term.path), term.value)) return false;
  return true;
}
