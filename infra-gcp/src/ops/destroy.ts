// `pnpm destroy:<cloud>`: export the whole state to the laptop first and destroy only
// when every collection was copied; a failed export leaves the stack untouched.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
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

const RUNNER = resolve('../runtime/bin/escher.js');

function escher(args: string[]): string {
  const result = spawnSync(process.execPath, [RUNNER, ...args], {
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
  const collections = collectionsFromStats(escher(statsArgs(urls)));
  escher(initLocalArgs(copy));
  for (const collection of collections) {
    writeFileSync(join(copy.dir, `${collection}.ndjson`), escher(exportArgs(urls, collection)));
    escher(importLocalArgs(copy, collection));
  }
  console.log(`escher: exported ${collections.length} collection(s) to ${copy.dir}`);
  pulumi(['destroy', ...process.argv.slice(2)]);
} catch (error) {
  fail(error);
}
