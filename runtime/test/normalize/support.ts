// Test helpers: read a vendor fixture as a value to mutate, and normalise with a fixed clock.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type NormaliseResult, normalize } from '../../src/normalize/index.js';

export const fixtureRoot = fileURLToPath(new URL('../fixtures/events/', import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: fixtures are arbitrary vendor JSON that tests reshape freely
export function fixture(file: string): any {
  return JSON.parse(readFileSync(fixtureRoot + file, 'utf8'));
}

export function run(input: unknown): NormaliseResult {
  return normalize(input, { now: () => new Date('2026-01-01T00:00:00Z') });
}
