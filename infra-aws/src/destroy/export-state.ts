// Going back to Local Only loses nothing: before the stack is destroyed, every collection of
// the cloud snapshot is exported to NDJSON files on the laptop and imported into a local
// file:// store, and the record counts of both stores must agree. Any failure stops here.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Runs `escher <args>` and reports what it printed; injected so tests can use the real CLI. */
export type EscherRunner = (
  args: string[],
) => Promise<{ status: number | null; stdout: string; stderr: string }>;

export interface ExportOptions {
  /** The cloud store, e.g. s3://bucket/state. */
  source: string;
  /** Secret store holding the cloud snapshot's key; the CLI's default when omitted. */
  sourceSecrets?: string;
  /** Directory for the NDJSON copies; the local store goes to <dir>/state unless `target` is given. */
  exportDir: string;
  target?: string;
  targetSecrets?: string;
}

export interface ExportResult {
  target: string;
  /** Live records per collection, equal in source and target. */
  counts: Record<string, number>;
  files: string[];
}

export class StateExportError extends Error {
  override name = 'StateExportError';
}

export async function exportState(escher: EscherRunner, options: ExportOptions): Promise<ExportResult> {
  const target = options.target ?? pathToFileURL(join(options.exportDir, 'state')).href;
  const from = storeFlags(options.source, options.sourceSecrets);
  const to = storeFlags(target, options.targetSecrets);
  mkdirSync(options.exportDir, { recursive: true });

  const counts = await recordCounts(escher, from, 'the cloud store');
  const files: string[] = [];
  await run(escher, ['state', 'init', ...to], 'create the local store');
  for (const [collection, count] of Object.entries(counts)) {
    if (count === 0) continue;
    const ndjson = await run(
      escher,
      ['state', 'export', '--collection', collection, ...from],
      `export ${collection}`,
    );
    const lines = ndjson.split('\n').filter((l) => l.trim() !== '').length;
    if (lines !== count) {
      throw new StateExportError(
        `export of ${collection} gave ${lines} records, the cloud store holds ${count}`,
      );
    }
    const file = join(options.exportDir, `${collection}.ndjson`);
    writeFileSync(file, ndjson);
    files.push(file);
    await run(escher, ['state', 'import', file, '--collection', collection, ...to], `import ${collection}`);
  }
  const mismatches = compareCounts(counts, await recordCounts(escher, to, 'the local store'));
  if (mismatches.length > 0) throw new StateExportError(`the local copy differs: ${mismatches.join('; ')}`);
  return { target, counts, files };
}

/** Collections whose live record counts differ between the two stores. */
export function compareCounts(source: Record<string, number>, target: Record<string, number>): string[] {
  return Object.entries(source)
    .filter(([name, count]) => (target[name] ?? 0) !== count)
    .map(([name, count]) => `${name}: ${count} in the cloud, ${target[name] ?? 0} locally`);
}

async function recordCounts(
  escher: EscherRunner,
  flags: string[],
  what: string,
): Promise<Record<string, number>> {
  const stdout = await run(escher, ['state', 'stats', '--json', ...flags], `read ${what}`);
  const stats = JSON.parse(stdout) as { collections: Record<string, { count: number }> };
  return Object.fromEntries(Object.entries(stats.collections).map(([name, c]) => [name, c.count]));
}

async function run(escher: EscherRunner, args: string[], what: string): Promise<string> {
  const result = await escher(args);
  if (result.status !== 0) {
    const detail = result.stderr.trim().split('\n').slice(-3).join(' ');
    throw new StateExportError(`could not ${what} (escher ${args.slice(0, 2).join(' ')}): ${detail}`);
  }
  return result.stdout;
}

function storeFlags(store: string, secrets: string | undefined): string[] {
  return ['--store', store, ...(secrets ? ['--secrets', secrets] : [])];
}
