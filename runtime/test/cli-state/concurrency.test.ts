// Issue promise: no writer ever loses or overwrites another's records. Eight real
// `escher state append` processes race while compactions run; afterwards every record is
// there exactly once.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { backends, stopBackends } from './backends.js';
import { estateNdjson, runCli } from './run-cli.js';

// Every step spawns real CLI processes; on a busy shared machine they take a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });
afterAll(stopBackends);

const WRITERS = 8;
const PER_WRITER = 250;

describe.each(backends.filter((b) => b.atomicCas))(
  'concurrent appends and compaction on the $name',
  (backend) => {
    it('keeps all 2,000 records from 8 writers exactly once while compaction runs', async () => {
      const { storeUrl, env: backendEnv } = await backend.fresh();
      const home = await mkdtemp(join(tmpdir(), 'escher-home-'));
      const env = { ...backendEnv, ESCHER_HOME: home };
      const store = ['--store', storeUrl];
      expect((await runCli(['state', 'init', ...store], env)).code).toBe(0);
      const files = await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          const file = join(home, `writer-${w}.ndjson`);
          await writeFile(file, estateNdjson(`w${w}`, PER_WRITER));
          return file;
        }),
      );
      let appending = true;
      const compactions = (async () => {
        const results = [];
        while (appending)
          results.push(await runCli(['state', 'compact', ...store, '--collection', 'cloud_estate'], env));
        return results;
      })();
      const appends = await Promise.all(
        files.map((file) => runCli(['state', 'append', ...store, '--collection', 'cloud_estate', file], env)),
      );
      appending = false;
      const compacted = await compactions;

      expect(appends.map((a) => [a.code, a.stderr])).toEqual(files.map(() => [0, '']));
      expect(compacted.length).toBeGreaterThan(0);
      // Compaction reads every segment back, so it also proves reads print nothing on stderr.
      expect(compacted.map((c) => [c.code, c.stderr])).toEqual(compacted.map(() => [0, '']));
      const merges = compacted.filter((c) => JSON.parse(c.stdout).compacted[0].merged > 0).length;
      console.info(
        `[${backend.name}] ${compacted.length} compactions ran during the appends, ${merges} merged segments`,
      );
      // One last compaction after the race must also keep everything.
      const last = await runCli(['state', 'compact', ...store], env);
      expect([last.code, last.stderr]).toEqual([0, '']);

      const stats = JSON.parse((await runCli(['state', 'stats', ...store, '--json'], env)).stdout);
      expect(stats.collections.cloud_estate.count).toBe(2000);
      const exported = await runCli(['state', 'export', ...store, '--collection', 'cloud_estate'], env);
      expect(exported.stderr).toBe('');
      const ids = exported.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id as string);
      const expected = Array.from(
        { length: WRITERS * PER_WRITER },
        (_, i) => `w${Math.floor(i / PER_WRITER)}-${i % PER_WRITER}`,
      );
      expect(ids.length).toBe(2000);
      expect(new Set(ids).size).toBe(2000);
      expect(ids.sort()).toEqual(expected.sort());
      const verify = await runCli(['state', 'verify', ...store, '--json'], env);
      expect(verify.code).toBe(0);
      expect(JSON.parse(verify.stdout).ok).toBe(true);
    });
  },
);
