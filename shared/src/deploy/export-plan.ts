// What `destroy` runs before anything is deleted, for every stack: copy each collection of
// the cloud state to the laptop, as NDJSON files and as a local file store the runner can
// open, and compare record counts. Pure: builds `escher` argument lists and reads their
// output; export-state.ts runs them.

import { z } from 'zod';

/** A state store and, when it is not the CLI's default, the secret store holding its key. */
export interface StoreRef {
  store: string;
  secrets?: string;
}

const StatsSchema = z.object({
  collections: z.record(z.string(), z.object({ count: z.number().int().nonnegative() }).loose()),
});

/** Live record counts per collection from `escher state stats --json`; refuses output it cannot read. */
export function countsFromStats(stdout: string): Record<string, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch (cause) {
    throw new Error('`escher state stats --json` printed something that is not JSON', { cause });
  }
  const stats = StatsSchema.safeParse(parsed);
  if (!stats.success) {
    throw new Error('`escher state stats --json` printed no "collections" object with a count for each');
  }
  return Object.fromEntries(Object.entries(stats.data.collections).map(([name, c]) => [name, c.count]));
}

/** Collections whose live record counts differ between the cloud store and the local copy. */
export function compareCounts(source: Record<string, number>, target: Record<string, number>): string[] {
  return Object.entries(source)
    .filter(([name, count]) => (target[name] ?? 0) !== count)
    .map(([name, count]) => `${name}: ${count} in the cloud, ${target[name] ?? 0} locally`);
}

/** Records in an NDJSON export: its non-blank lines. */
export const ndjsonRecords = (ndjson: string) => ndjson.split('\n').filter((l) => l.trim() !== '').length;

const flags = (ref: StoreRef) => ['--store', ref.store, ...(ref.secrets ? ['--secrets', ref.secrets] : [])];

export const statsArgs = (ref: StoreRef) => ['state', 'stats', '--json', ...flags(ref)];

export const exportArgs = (ref: StoreRef, collection: string) => [
  'state',
  'export',
  '--collection',
  collection,
  ...flags(ref),
];

export const initArgs = (ref: StoreRef) => ['state', 'init', ...flags(ref)];

export const importArgs = (ref: StoreRef, file: string, collection: string) => [
  'state',
  'import',
  file,
  '--collection',
  collection,
  ...flags(ref),
];
