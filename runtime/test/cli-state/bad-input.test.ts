// Bad input ends a run with one line saying what to fix, exit status 2, and nothing written.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { estateNdjson, runCli } from './run-cli.js';

// Every step spawns real CLI processes; on a busy shared machine they take a while.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const MODEL_DIR = fileURLToPath(new URL('../../../.tools/models/all-MiniLM-L6-v2', import.meta.url));
const INSTALL_MODEL = fileURLToPath(new URL('../../scripts/install-model.sh', import.meta.url));

let home: string;
let root: string;
let env: Record<string, string>;
let store: string[];

/** Every object under the store with a digest of its content: "nothing written" means this is unchanged. */
async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        out[full.slice(root.length)] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
  };
  await walk(root);
  return out;
}

const oneLine = (stderr: string) => stderr.trimEnd().split('\n');

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'escher-bad-'));
  root = join(home, 'state');
  env = { ESCHER_HOME: home };
  store = ['--store', `file://${root}`];
  expect((await runCli(['state', 'init', ...store], env)).code).toBe(0);
  expect(
    (
      await runCli(
        ['state', 'append', ...store, '--collection', 'cloud_estate', '-'],
        env,
        estateNdjson('r', 3),
      )
    ).code,
  ).toBe(0);
});

describe('escher state with bad input', () => {
  it('refuses a manifest of a newer format version', async () => {
    const manifestPath = join(root, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, version: 2 }));
    const before = await fingerprint();
    const result = await runCli(
      ['state', 'append', ...store, '--collection', 'cloud_estate', '-'],
      env,
      estateNdjson('new', 2),
    );
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toEqual([
      'escher: manifest.json in file://' +
        root +
        ' has format version 2; this escher reads up to 1 (upgrade escher to a release that reads this snapshot)',
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it('names a corrupted segment on export, compact and verify, writing nothing', async () => {
    expect(
      (
        await runCli(
          ['state', 'append', ...store, '--collection', 'cloud_estate', '-'],
          env,
          estateNdjson('s', 2),
        )
      ).code,
    ).toBe(0);
    const dir = join(root, 'segments', 'cloud_estate');
    const [name] = (await readdir(dir)).sort();
    const body = await readFile(join(dir, name as string));
    body[body.length - 10] = (body[body.length - 10] ?? 0) ^ 0x55;
    await writeFile(join(dir, name as string), body);
    const before = await fingerprint();
    const key = `segments/cloud_estate/${name}`;
    for (const args of [
      ['export', '--collection', 'cloud_estate'],
      ['compact'],
      ['query', '--collection', 'cloud_estate', '--filter', 'state=running'],
    ]) {
      const result = await runCli(['state', args[0] as string, ...store, ...args.slice(1)], env);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(oneLine(result.stderr)).toEqual([
        `escher: segment ${key} fails its checksum (corrupted or altered) (restore it from a backup; run \`escher state verify\` to list every problem)`,
      ]);
    }
    const verify = await runCli(['state', 'verify', ...store], env);
    expect(verify.code).toBe(2);
    expect(oneLine(verify.stderr)).toEqual([
      `escher: the snapshot has 1 problem(s); first: segment ${key} fails its checksum (corrupted or altered) (restore it from a backup; run \`escher state verify\` to list every problem) (restore the named objects from a backup)`,
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses NDJSON with a bad line, naming the line', async () => {
    const before = await fingerprint();
    const result = await runCli(
      ['state', 'append', ...store, '--collection', 'cloud_estate', '-'],
      env,
      `${estateNdjson('ok', 1)}{"id": 5}\n`,
    );
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toEqual([
      'escher: stdin line 2 is not a record: id: Invalid input: expected string, received number (records look like {"id": "...", "vector": [..]?, "payload": {...}})',
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it('surfaces an unknown store scheme and a missing key as one line with exit 2', async () => {
    const scheme = await runCli(['state', 'stats', '--store', 'ftp://host/x'], env);
    expect(scheme.code).toBe(2);
    expect(oneLine(scheme.stderr)).toEqual([
      'escher: store URL "ftp://host/x" has the unknown scheme "ftp" (use s3://bucket/prefix, az://account/container/prefix, gs://bucket/prefix or file:///path)',
    ]);
    const noKey = await runCli(
      ['state', 'stats', ...store, '--secrets', `file://${join(home, 'empty-secrets')}`],
      env,
    );
    expect(noKey.code).toBe(2);
    expect(oneLine(noKey.stderr)).toEqual([
      `escher: the snapshot key escher/state/key is missing from file://${join(home, 'empty-secrets')} (point --secrets/ESCHER_SECRETS at the store that holds it, or run \`escher state init\` for a new snapshot)`,
    ]);
  });

  it('refuses --near when the collection was built with another model', async () => {
    if (!existsSync(join(MODEL_DIR, 'model.onnx')))
      execFileSync('bash', [INSTALL_MODEL], { stdio: 'inherit' });
    const result = await runCli(
      ['state', 'query', ...store, '--collection', 'cloud_estate', '--near', 'idle vm'],
      {
        ...env,
        ESCHER_EMBED_MODEL: MODEL_DIR,
      },
    );
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toEqual([
      expect.stringMatching(
        /^escher: cloud_estate holds vectors of escher-hash-v1-384; the configured embedder is all-MiniLM-L6-v2@[0-9a-f]{12} \(vectors of different models are never compared/,
      ),
    ]);
  });

  it('fails clearly when the configured model directory holds no model', async () => {
    const modelDir = join(home, 'no-model');
    const result = await runCli(
      ['state', 'query', ...store, '--collection', 'cloud_estate', '--near', 'idle vm'],
      {
        ...env,
        ESCHER_EMBED_MODEL: modelDir,
      },
    );
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)[0]).toMatch(/^escher: no usable all-MiniLM-L6-v2 model in /);
  });
});

describe('escher state query and get', () => {
  it('filters on nested tags, ranks by text and fetches by id', async () => {
    const filtered = await runCli(
      ['state', 'query', ...store, '--collection', 'cloud_estate', '--filter', 'tags.env=prod', '--json'],
      env,
    );
    expect(JSON.parse(filtered.stdout).hits.map((h: { id: string }) => h.id)).toEqual(['r-0']);
    const near = await runCli(
      [
        'state',
        'query',
        ...store,
        '--collection',
        'cloud_estate',
        '--near',
        'running azure',
        '--limit',
        '1',
        '--json',
      ],
      env,
    );
    expect(JSON.parse(near.stdout).hits.map((h: { id: string }) => h.id)).toEqual(['r-1']);
    const got = await runCli(['state', 'get', ...store, '--collection', 'cloud_estate', 'r-2'], env);
    expect(JSON.parse(got.stdout).payload).toMatchObject({
      cloud_provider: 'gcp',
      encrypted_data: 'meta-r-2',
    });
    const missing = await runCli(['state', 'get', ...store, '--collection', 'cloud_estate', 'nope'], env);
    expect(missing.code).toBe(1);
    expect(oneLine(missing.stderr)).toEqual(['escher: no record "nope" in cloud_estate']);
  });
});
