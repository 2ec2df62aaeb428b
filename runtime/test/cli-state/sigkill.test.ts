// A writer SIGKILLed after uploading its segment but before committing the manifest must
// leave the snapshot consistent: committed records intact, the orphan ignored by readers
// and removed by a later GC, and the next writers unaffected.

import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadRuntimeEnv } from '../../src/config/env.js';
import { LocalSecretStore } from '../../src/secrets/local-secret-store.js';
import { collectGarbage, openSnapshot } from '../../src/snapshot/index.js';
import { openObjectStore } from '../../src/storage/open-store.js';
import { backends, stopBackends } from './backends.js';
import { estateNdjson, runCli } from './run-cli.js';

// Every step spawns real CLI processes; on a busy shared machine they take a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });
afterAll(stopBackends);

const stalledWriter = fileURLToPath(new URL('./stalled-writer.mjs', import.meta.url));

function killAfterUpload(args: string[], env: Record<string, string>): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [stalledWriter, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.on('data', (d) => {
      if (String(d).includes('segment uploaded')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`writer exited ${code}: ${stderr}`)),
    );
  });
}

describe.each(backends)('a writer killed between upload and commit on the $name', (backend) => {
  it('loses no committed record and leaves only a collectable orphan', async () => {
    const { storeUrl, env: backendEnv } = await backend.fresh();
    const home = await mkdtemp(join(tmpdir(), 'escher-home-'));
    const env = { ...backendEnv, ESCHER_HOME: home };
    const store = ['--store', storeUrl];
    const collection = ['--collection', 'alerts_events'];
    expect((await runCli(['state', 'init', ...store], env)).code).toBe(0);
    expect(
      (await runCli(['state', 'append', ...store, ...collection, '-'], env, estateNdjson('kept', 20))).code,
    ).toBe(0);

    expect(await killAfterUpload([storeUrl, join(home, 'secrets'), 'alerts_events'], env)).toBe('SIGKILL');

    const verify = JSON.parse((await runCli(['state', 'verify', ...store, '--json'], env)).stdout);
    expect(verify).toMatchObject({ ok: true, orphans: 1, problems: [] });
    const stats = JSON.parse((await runCli(['state', 'stats', ...store, '--json'], env)).stdout);
    expect(stats.collections.alerts_events.count).toBe(20);
    expect(
      (await runCli(['state', 'query', ...store, ...collection, '--filter', 'state=doomed', '--json'], env))
        .stdout,
    ).toBe('{"collection":"alerts_events","hits":[]}\n');
    expect(
      (await runCli(['state', 'append', ...store, ...collection, '-'], env, estateNdjson('after', 5))).code,
    ).toBe(0);

    const runtimeEnv = loadRuntimeEnv({ ...process.env, ...env });
    const objects = await openObjectStore(storeUrl, runtimeEnv);
    const snap = await openSnapshot(objects, new LocalSecretStore(join(home, 'secrets')), {
      now: () => new Date(Date.now() + 2 * 3600_000),
    });
    const gc = await collectGarbage(snap);
    expect(gc.deleted).toEqual([expect.stringMatching(/^segments\/alerts_events\/.+\.seg$/)]);
    const after = JSON.parse((await runCli(['state', 'verify', ...store, '--json'], env)).stdout);
    expect(after).toMatchObject({ ok: true, orphans: 0 });
    expect(
      JSON.parse((await runCli(['state', 'stats', ...store, '--json'], env)).stdout).collections.alerts_events
        .count,
    ).toBe(25);
  });
});
