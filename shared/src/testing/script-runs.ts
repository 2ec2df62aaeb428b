// Running a stack's deploy or destroy script (an ESM module that acts on import) with no
// Pulumi CLI on PATH, capturing how it exits instead of letting it end the test process.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScriptExit {
  /** The code the script passed to process.exit, if it called it. */
  exitCode: number | undefined;
  /** What it wrote through console.error, one entry per call. */
  errors: string[];
}

class ExitCalled extends Error {
  override name = 'ExitCalled';
}

/** Imports the script with an empty PATH and returns its exit code and error lines; restores everything after. */
export async function runWithoutPulumi(load: () => Promise<unknown>): Promise<ScriptExit> {
  const saved = { path: process.env.PATH, exit: process.exit, error: console.error };
  const result: ScriptExit = { exitCode: undefined, errors: [] };
  process.env.PATH = mkdtempSync(join(tmpdir(), 'no-pulumi-'));
  process.exit = ((code?: number) => {
    result.exitCode = code;
    throw new ExitCalled(`exit ${code}`);
  }) as typeof process.exit;
  console.error = (...parts: unknown[]) => result.errors.push(parts.map(String).join(' '));
  try {
    await load();
  } catch (err) {
    if (!(err instanceof ExitCalled)) throw err;
  } finally {
    process.env.PATH = saved.path;
    process.exit = saved.exit;
    console.error = saved.error;
  }
  return result;
}
