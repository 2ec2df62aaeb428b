// Going back to Local Only loses nothing: before any stack is destroyed, every collection of
// the cloud snapshot is exported to NDJSON files on the laptop and imported into a local
// file:// store, and the record counts of both stores must agree. Any failure stops here,
// before the destroy. The AWS, Azure and GCP destroy scripts all run this one step.

import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  compareCounts,
  countsFromStats,
  exportArgs,
  importArgs,
  initArgs,
  ndjsonRecords,
  type StoreRef,
  statsArgs,
} from './export-plan.js';

/** Runs `escher <args>` and reports what it printed; injected so tests drive the real CLI. */
export type EscherRunner = (
  args: string[],
) => Promise<{ status: number | null; stdout: string; stderr: string }>;

export interface ExportOptions {
  /** The cloud store, e.g. s3://bucket/state, and the secret store holding its key. */
  source: StoreRef;
  /** Directory for the NDJSON copies; the local store goes to <dir>/state unless `target` names one. */
  exportDir: string;
  /** The local store; its `secrets` default is the CLI's own ($ESCHER_HOME/secrets). */
  target?: Partial<StoreRef>;
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

/** The `escher` CLI at `bin`, run by this Node with the given environment. */
export function escherProcess(bin: string, env: NodeJS.ProcessEnv = process.env): EscherRunner {
  return (args) =>
    new Promise((done) => {
      execFile(process.execPath, [bin, ...args], { env, maxBuffer: 1 << 30 }, (err, stdout, stderr) =>
        done({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
      );
    });
}

export async function exportState(escher: EscherRunner, options: ExportOptions): Promise<ExportResult> {
  const target: StoreRef = {
    store: options.target?.store ?? pathToFileURL(join(options.exportDir, 'state')).href,
    ...(options.target?.secrets ? { secrets: options.target.secrets } : {}),
  };
  mkdirSync(options.exportDir, { recursive: true });

  const counts = await recordCounts(escher, options.source, 'the cloud store');
  const files: string[] = [];
  await run(escher, initArgs(target), 'create the local store');
  for (const [collection, count] of Object.entries(counts)) {
    if (count === 0) continue;
    const ndjson = await run(escher, exportArgs(options.source, collection), `export ${collection}`);
    const lines = ndjsonRecords(ndjson);
    if (lines !== count) {
      throw new StateExportError(
        `export of ${collection} gave ${lines} records, the cloud store holds ${count}`,
      );
    }
    const file = join(options.exportDir, `${collection}.ndjson`);
    writeFileSync(file, ndjson);
    files.push(file);
    await run(escher, importArgs(target, file, collection), `import ${collection}`);
  }
  const mismatches = compareCounts(counts, await recordCounts(escher, target, 'the local store'));
  if (mismatches.length > 0) throw new StateExportError(`the local copy differs: ${mismatches.join('; ')}`);
  return { target: target.store, counts, files };
}

async function recordCounts(escher: EscherRunner, ref: StoreRef, what: string) {
  const stdout = await run(escher, statsArgs(ref), `read ${what}`);
  try {
    return countsFromStats(stdout);
  } catch (cause) {
    throw new StateExportError(`could not read ${what}: ${(cause as Error).message}`, { cause });
  }
}

async function run(escher: EscherRunner, args: string[], what: string): Promise<string> {
  const result = await escher(args);
  if (result.status !== 0) {
    const detail = result.stderr.trim().split('\n').slice(-3).join(' ');
    throw new StateExportError(`could not ${what} (escher ${args.slice(0, 2).join(' ')}): ${detail}`);
  }
  return result.stdout;
}
