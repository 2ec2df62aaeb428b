import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { escherCli } from './support/escher-cli.js';

// The export-then-verify step itself is specified in shared/test/export-state.test.ts; here
// only that `pnpm destroy:aws` runs it and destroys nothing when it fails.

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
