// `pnpm destroy:<cloud>` for the Pulumi stacks: export the whole state to the laptop first
// and destroy only when every collection was copied; a failed export leaves the stack untouched.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  collectionsFromStats,
  exportArgs,
  importLocalArgs,
  initLocalArgs,
  type LocalCopy,
  type StackUrls,
  statsArgs,
} from './export-plan.js';
import { fail, pulumi, requirePulumi } from './pulumi-cli.js';

function escher(runnerBin: string, args: string[]): string {
  const result = spawnSync(process.execPath, [runnerBin, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `escher ${args.slice(0, 2).join(' ')} failed (exit ${result.status}); nothing was destroyed`,
    );
  }
  return result.stdout;
}

/**
 * Reads the stack's store URLs from its outputs, copies the state into a dated directory
 * under ~/.escher/exports, then runs `pulumi destroy <extraArgs>`. Exits 1 on any failure.
 */
export function destroyAfterExport(runnerBin: string, extraArgs: string[]): void {
  try {
    requirePulumi();
    const urls: StackUrls = {
      stateStoreUrl: pulumi(['stack', 'output', 'stateStoreUrl'], true).trim(),
      secretsUrl: pulumi(['stack', 'output', 'secretsUrl'], true).trim(),
    };
    const copy: LocalCopy = {
      dir: join(homedir(), '.escher', 'exports', new Date().toISOString().replace(/[:.]/g, '-')),
    };
    mkdirSync(copy.dir, { recursive: true });
    const collections = collectionsFromStats(escher(runnerBin, statsArgs(urls)));
    escher(runnerBin, initLocalArgs(copy));
    for (const collection of collections) {
      writeFileSync(join(copy.dir, `${collection}.ndjson`), escher(runnerBin, exportArgs(urls, collection)));
      escher(runnerBin, importLocalArgs(copy, collection));
    }
    console.log(`escher: exported ${collections.length} collection(s) to ${copy.dir}`);
    pulumi(['destroy', ...extraArgs]);
  } catch (error) {
    fail(error);
  }
}

/** `pnpm deploy:<cloud>`: checks the CLI and runs `pulumi up <extraArgs>`. Exits 1 on failure. */
export function deployWithPulumi(extraArgs: string[]): void {
  try {
    requirePulumi();
    pulumi(['up', ...extraArgs]);
  } catch (error) {
    fail(error);
  }
}
