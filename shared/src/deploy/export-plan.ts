// What `destroy` runs before anything is deleted: copy every collection of the cloud
// state to the laptop, as NDJSON files and as a local file store the runner can open.
// Pure: builds `escher` argument lists and reads the stats output; pulumi-destroy.ts runs them.

import { z } from 'zod';

export interface StackUrls {
  stateStoreUrl: string;
  secretsUrl: string;
}

export interface LocalCopy {
  /** Directory that receives `<collection>.ndjson`, `state/` and `secrets/`. */
  dir: string;
}

const StatsSchema = z.object({ collections: z.record(z.string(), z.unknown()) });

/** Collection names from `escher state stats --json`; refuses output it cannot read. */
export function collectionsFromStats(stdout: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch (cause) {
    throw new Error('`escher state stats --json` printed something that is not JSON', { cause });
  }
  const stats = StatsSchema.safeParse(parsed);
  if (!stats.success) throw new Error('`escher state stats --json` printed no "collections" object');
  return Object.keys(stats.data.collections).sort();
}

const cloud = (urls: StackUrls) => ['--store', urls.stateStoreUrl, '--secrets', urls.secretsUrl];
const local = (copy: LocalCopy) => [
  '--store',
  `file://${copy.dir}/state`,
  '--secrets',
  `file://${copy.dir}/secrets`,
];

export const statsArgs = (urls: StackUrls) => ['state', 'stats', '--json', ...cloud(urls)];

export const exportArgs = (urls: StackUrls, collection: string) => [
  'state',
  'export',
  '--collection',
  collection,
  ...cloud(urls),
];

export const initLocalArgs = (copy: LocalCopy) => ['state', 'init', ...local(copy)];

export const importLocalArgs = (copy: LocalCopy, collection: string) => [
  'state',
  'import',
  `${copy.dir}/${collection}.ndjson`,
  '--collection',
  collection,
  ...local(copy),
];
