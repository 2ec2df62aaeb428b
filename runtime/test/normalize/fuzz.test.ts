// 100,000 mutated vendor fixtures — fields deleted, retyped, 1 MB strings, deep nesting,
// odd unicode — must each yield events or typed errors: no crash, no hang, no bug-class
// error. The PRNG is seeded, so a failure names the iteration that reproduces it.

import { globSync } from 'node:fs';
import { UnifiedEventSchema } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { NormalisationError, normalize, UnexpectedNormalisationError } from '../../src/normalize/index.js';
import { fixture, fixtureRoot } from './support.js';

const ITERATIONS = 100_000;
const SEED = 0x5eed_e5c4;

/** mulberry32: tiny, fast, and good enough to pick mutations reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MEGABYTE = 'x'.repeat(1 << 20);
const ODD_STRINGS = [
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u202dreversed',
  'zero\u200bwidth',
  '😀🏳️‍🌈',
  'ｆｕｌｌ',
  '',
  ' ',
];
const deep = (levels: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = { nested: v };
  return v;
};
const DEEP = deep(1000);
const RETYPED: unknown[] = [
  null,
  0,
  -1,
  1e308,
  Number.NaN,
  true,
  false,
  [],
  {},
  [[]],
  '0',
  'null',
  'ALARM',
  '2019-13-45T99:99:99Z',
];

type Container = Record<string, unknown> | unknown[];
type Slot = { parent: Container; key: string | number };

function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 12 || typeof v !== 'object' || v === null) return;
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : Object.entries(v);
    for (const [key, child] of entries) {
      out.push({ parent: v as Container, key });
      walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

function mutate(input: unknown, random: () => number): unknown {
  const all = slots(input);
  if (all.length === 0) return RETYPED[Math.floor(random() * RETYPED.length)];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const { parent, key } = pick(all);
  const set = (value: unknown) => {
    (parent as Record<string | number, unknown>)[key] = value;
  };
  const roll = random();
  if (roll < 0.35) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (roll < 0.7) set(pick(RETYPED));
  else if (roll < 0.85) set(pick(ODD_STRINGS));
  else if (roll < 0.93) set(DEEP);
  else if (roll < 0.935) set(MEGABYTE);
  else set(JSON.stringify(pick([input, {}, 'text'])));
  return input;
}

describe('normalize under fuzzing', () => {
  const originals = globSync('**/*.json', { cwd: fixtureRoot })
    .sort()
    .map((file) => fixture(file));

  it(`survives ${ITERATIONS} mutated fixtures with events or typed errors only`, () => {
    const random = prng(SEED);
    let events = 0;
    let errors = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      let input: unknown = structuredClone(originals[i % originals.length]);
      const rounds = 1 + Math.floor(random() * 3);
      for (let r = 0; r < rounds; r++) input = mutate(input, random);
      let result: ReturnType<typeof normalize>;
      try {
        result = normalize(input, { now: () => new Date(0) });
      } catch (err) {
        throw new Error(`iteration ${i} threw instead of returning a typed error`, { cause: err });
      }
      for (const error of result.errors) {
        if (!(error instanceof NormalisationError) || error instanceof UnexpectedNormalisationError) {
          throw new Error(`iteration ${i}: untyped or unexpected error`, { cause: error });
        }
      }
      if (result.events.length + result.errors.length === 0 && !isEmptyBatch(input)) {
        throw new Error(`iteration ${i}: input vanished without an event or an error`);
      }
      // Full schema validation on a sample keeps the run short; ids and kinds on all.
      for (const event of result.events) {
        if (i % 25 === 0 && !UnifiedEventSchema.safeParse(event).success) {
          throw new Error(`iteration ${i}: event breaks the schema: ${JSON.stringify(event).slice(0, 400)}`);
        }
        if (!event.event_id || !event.account_id || !event.region)
          throw new Error(`iteration ${i}: empty id field`);
      }
      events += result.events.length;
      errors += result.errors.length;
    }
    expect(events).toBeGreaterThan(0);
    expect(errors).toBeGreaterThan(0);
  }, 120_000);
});

/** An empty batch ([] or { Records: [] }) legitimately holds nothing. */
function isEmptyBatch(input: unknown): boolean {
  if (Array.isArray(input)) return input.length === 0;
  if (typeof input !== 'object' || input === null) return false;
  const records = (input as Record<string, unknown>).Records;
  return Array.isArray(records) && records.length === 0;
}
