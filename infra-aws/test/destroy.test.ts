import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCounts, exportState, StateExportError } from '../src/destroy/export-state.js';
import { escherCli } from './support/escher-cli.js';

const work = mkdtempSync(join(tmpdir(), 'escher-destroy-'));
const home = join(work, 'home');
const cloud = pathToFileURL(join(work, 'cloud')).href;
const escher = escherCli(home);

async function must(args: string[]): Promise<string> {
  const r = await escher(args);
  if (r.status !== 0) throw new Error(`escher ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  await must(['state', 'init', '--store', cloud]);
  const estate = join(work, 'estate.ndjson');
  writeFileSync(
    estate,
    '{"id":"i-1","payload":{"text":"dev instance"}}\n{"id":"i-2","payload":{"text":"prod instance"}}\n',
  );
  await must(['state', 'append', estate, '--collection', 'cloud_estate', '--store', cloud]);
  const audit = join(work, 'audit.ndjson');
  writeFileSync(audit, '{"id":"op-1","payload":{"text":"made bucket private"}}\n');
  await must(['state', 'append', audit, '--collection', 'audit', '--store', cloud]);
});

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
  });

  it('refuses when the cloud store cannot be read, before creating anything locally', async () => {
    const exportDir = join(work, 'export-missing');
    const missing = pathToFileURL(join(work, 'no-such-store')).href;
    const failure = exportState(escher, { source: missing, exportDir });
    await expect(failure).rejects.toThrow(StateExportError);
    await expect(failure).rejects.toThrow(/could not read the cloud store/);
    expect(existsSync(join(exportDir, 'state'))).toBe(false);
  });

  it('refuses when an export returns fewer records than the cloud store holds', async () => {
    const truncating: typeof escher = async (args) => {
      const r = await escher(args);
      return args[1] === 'export' ? { ...r, stdout: r.stdout.split('\n')[0] ?? '' } : r;
    };
    await expect(
      exportState(truncating, { source: cloud, exportDir: join(work, 'export-short') }),
    ).rejects.toThrow('export of cloud_estate gave 1 records, the cloud store holds 2');
  });
});

describe('compareCounts', () => {
  it('names each collection whose counts differ', () => {
    expect(compareCounts({ audit: 3, cloud_estate: 2 }, { audit: 3, cloud_estate: 1 })).toEqual([
      'cloud_estate: 2 in the cloud, 1 locally',
    ]);
    expect(compareCounts({ audit: 1 }, {})).toEqual(['audit: 1 in the cloud, 0 locally']);
    expect(compareCounts({ audit: 1 }, { audit: 1 })).toEqual([]);
  });
});

describe('pnpm destroy:aws (dist/bin/destroy.js)', () => {
  const destroyBin = fileURLToPath(new URL('../dist/bin/destroy.js', import.meta.url));
  const example = fileURLToPath(new URL('../escher.config.example.yaml', import.meta.url));
  // A stand-in `cdk` on PATH that records how it was called.
  const fakeBin = join(work, 'bin');
  const calls = join(work, 'cdk-calls.txt');
  beforeAll(() => {
    mkdirSync(fakeBin, { recursive: true });
    writeFileSync(join(fakeBin, 'cdk'), `#!/bin/sh\necho "$@" >> ${calls}\n`);
    chmodSync(join(fakeBin, 'cdk'), 0o755);
  });
  const destroy = (store: string) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
      const env = { PATH: `${fakeBin}:${process.env.PATH}`, ESCHER_HOME: home };
      execFile(
        process.execPath,
        [destroyBin, '--config', example, '--store', store],
        { env },
        (err, stdout, stderr) => done({ status: err ? Number(err.code) : 0, stdout, stderr }),
      );
    });

  it('does not call cdk destroy when the export fails', async () => {
    const r = await destroy(pathToFileURL(join(work, 'no-such-store')).href);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/escher: not destroying: could not read the cloud store/);
    expect(existsSync(calls)).toBe(false);
  });

  it('exports first, then destroys only the runner stack', async () => {
    const r = await destroy(cloud);
    expect(r.stdout).toMatch(/state exported to file:\/\/.*\/exports\/escher-runner-.*\/state/);
    expect(r.status).toBe(0);
    expect(readFileSync(calls, 'utf8')).toBe('destroy --force --no-notices escher-runner\n');
  });
});
