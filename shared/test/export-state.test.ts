// The one export-then-verify step every destroy runs (AWS, Azure, GCP), on the real CLI.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportState, StateExportError } from '../src/deploy/export-state.js';
import { escherCli } from './support/escher-cli.js';

const work = mkdtempSync(join(tmpdir(), 'escher-export-'));
const cloud = { store: pathToFileURL(join(work, 'cloud')).href };
const escher = escherCli(join(work, 'home'));

async function must(args: string[]): Promise<string> {
  const r = await escher(args);
  if (r.status !== 0) throw new Error(`escher ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  await must(['state', 'init', '--store', cloud.store]);
  const estate = join(work, 'estate.ndjson');
  writeFileSync(
    estate,
    '{"id":"i-1","payload":{"text":"dev instance"}}\n{"id":"i-2","payload":{"text":"prod instance"}}\n',
  );
  await must(['state', 'append', estate, '--collection', 'cloud_estate', '--store', cloud.store]);
  const audit = join(work, 'audit.ndjson');
  writeFileSync(audit, '{"id":"op-1","payload":{"text":"made bucket private"}}\n');
  await must(['state', 'append', audit, '--collection', 'audit', '--store', cloud.store]);
}, 120_000);

describe('exportState', () => {
  it('copies every non-empty collection to NDJSON files and a local store with equal counts', async () => {
    const exportDir = join(work, 'export-ok');
    const result = await exportState(escher, { source: cloud, exportDir });
    expect(result.target).toBe(pathToFileURL(join(exportDir, 'state')).href);
    expect(result.counts).toMatchObject({ cloud_estate: 2, audit: 1, chat_history: 0 });
    expect(result.files).toEqual([join(exportDir, 'cloud_estate.ndjson'), join(exportDir, 'audit.ndjson')]);
    const ids = readFileSync(join(exportDir, 'cloud_estate.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id)
      .sort();
    expect(ids).toEqual(['i-1', 'i-2']);
    const local = JSON.parse(await must(['state', 'stats', '--json', '--store', result.target]));
    expect(local.collections.cloud_estate.count).toBe(2);
    expect(local.collections.audit.count).toBe(1);
  }, 120_000);

  it('keeps the local copy’s key in the secret store the target names (the Pulumi stacks’ layout)', async () => {
    const exportDir = join(work, 'export-own-key');
    const secrets = pathToFileURL(join(exportDir, 'secrets')).href;
    const result = await exportState(escher, { source: cloud, exportDir, target: { secrets } });
    expect(existsSync(join(exportDir, 'secrets'))).toBe(true);
    const local = JSON.parse(
      await must(['state', 'stats', '--json', '--store', result.target, '--secrets', secrets]),
    );
    expect(local.collections.cloud_estate.count).toBe(2);
  }, 120_000);

  it('refuses when the cloud store cannot be read, before creating anything locally', async () => {
    const exportDir = join(work, 'export-missing');
    const missing = { store: pathToFileURL(join(work, 'no-such-store')).href };
    const failure = exportState(escher, { source: missing, exportDir });
    await expect(failure).rejects.toThrow(StateExportError);
    await expect(failure).rejects.toThrow(/could not read the cloud store/);
    expect(existsSync(join(exportDir, 'state'))).toBe(false);
  }, 60_000);

  it('refuses when an export returns fewer records than the cloud store holds', async () => {
    const truncating: typeof escher = async (args) => {
      const r = await escher(args);
      return args[1] === 'export' ? { ...r, stdout: r.stdout.split('\n')[0] ?? '' } : r;
    };
    await expect(
      exportState(truncating, { source: cloud, exportDir: join(work, 'export-short') }),
    ).rejects.toThrow('export of cloud_estate gave 1 records, the cloud store holds 2');
  }, 120_000);

  it('refuses when the local copy ends up with other counts than the cloud store', async () => {
    const losing: typeof escher = async (args) =>
      args[1] === 'import' ? { status: 0, stdout: '', stderr: '' } : escher(args);
    await expect(
      exportState(losing, { source: cloud, exportDir: join(work, 'export-lost') }),
    ).rejects.toThrow(
      'the local copy differs: cloud_estate: 2 in the cloud, 0 locally; audit: 1 in the cloud, 0 locally',
    );
  }, 120_000);
});
