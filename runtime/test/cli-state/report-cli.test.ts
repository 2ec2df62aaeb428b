// `escher report generate|show|diff` through the real bin, against a moto of its own (so
// the estate holds exactly what this file seeds: one public bucket) with the state in S3.

import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutBucketAclCommand } from '@aws-sdk/client-s3';
import { ReportSchema } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createS3Client } from '../../src/storage/s3-store.js';
import { launchMoto } from '../support/emulators/moto.js';
import type { RunningEmulator } from '../support/emulators/types.js';
import { runtimeEnvWith } from '../support/emulators.js';
import { ESCHER_BIN, runCli } from './run-cli.js';

// Every step spawns a CLI process; PDF rendering starts Chromium.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const D1 = '2026-11-20';
const D2 = '2026-11-21';
const PUBLIC_BUCKET = 'acme-public-reports';

let moto: RunningEmulator;
let env: Record<string, string>;
let store: string;

beforeAll(async () => {
  moto = await launchMoto();
  const s3 = createS3Client(runtimeEnvWith(moto.env));
  await s3.send(new CreateBucketCommand({ Bucket: 'escher-state' }));
  await s3.send(new CreateBucketCommand({ Bucket: PUBLIC_BUCKET }));
  await s3.send(new PutBucketAclCommand({ Bucket: PUBLIC_BUCKET, ACL: 'public-read' }));
  store = 's3://escher-state/state';
  env = {
    ...moto.env,
    ESCHER_HOME: await mkdtemp(join(tmpdir(), 'escher-report-cli-')),
    ESCHER_CONFIG: JSON.stringify({
      home_cloud: 'aws',
      aws: { account: '123456789012', region: 'us-east-1' },
    }),
  };
});
afterAll(async () => {
  await moto?.stop();
});

const escher = (...args: string[]) => runCli(['report', ...args, '--store', store], env);

describe('escher report', () => {
  it('generate --dry-run prints the report and stores nothing', async () => {
    const dry = await escher('generate', '--date', D1, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`# Morning report — ${D1}`);
    expect(dry.stdout).toContain(`Public bucket ${PUBLIC_BUCKET}`);
    // Not a terminal: no progress lines on stderr.
    expect(dry.stderr).toBe('');
    const show = await escher('show', '--date', D1);
    expect(show.code).toBe(2);
    expect(show.stderr).toContain(`no report stored for ${D1}`);
  });

  it('generate stores the report for a day once; a second run shows it unchanged', async () => {
    const first = await escher('generate', '--date', D1);
    expect(first.code).toBe(0);
    expect(first.stderr.split('\n')).toContain(`stored report:${D1}`);
    const again = await escher('generate', '--date', D1);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(`report:${D1} was stored already; shown unchanged\n`);
    expect(again.stdout).toBe(first.stdout);
  });

  it('show prints the stored report as json, md, html, csv and pdf', async () => {
    const json = await escher('show', '--date', D1, '--format', 'json');
    expect(json.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(json.stdout));
    expect(report).toMatchObject({ id: `report:${D1}`, date: D1, generated_at: `${D1}T02:00:00.000Z` });
    const bucket = report.findings.find((f) => f.kind === 'public_bucket');
    expect(bucket).toMatchObject({ resource_name: PUBLIC_BUCKET, severity: 'CRITICAL', status: 'new' });

    const md = await escher('show', '--date', D1, '--format', 'md');
    expect(md.stdout).toContain('## Security & compliance');
    expect(md.stdout).toContain(`- **CRITICAL** Public bucket ${PUBLIC_BUCKET}`);

    const html = await escher('show', '--date', D1, '--format', 'html');
    expect(html.stdout.startsWith('<!doctype html>')).toBe(true);
    for (const id of ['alerts', 'cost', 'changes', 'security', 'optimisation', 'health', 'ask'])
      expect(html.stdout).toContain(`<section id="${id}">`);

    const csv = await escher('show', '--date', D1, '--format', 'csv');
    const rows = csv.stdout.trim().split('\n');
    expect(rows).toHaveLength(report.findings.length + 1);
    expect(csv.stdout).toContain(PUBLIC_BUCKET);

    const pdf = await escher('show', '--date', D1, '--format', 'pdf');
    expect(pdf.code).toBe(0);
    expect(pdf.stdout.startsWith('%PDF-')).toBe(true);
  });

  it('diff compares two stored days: a new public bucket appeared, the first is still open', async () => {
    // A second bucket made public between the two mornings.
    const s3 = createS3Client(runtimeEnvWith(moto.env));
    await s3.send(new CreateBucketCommand({ Bucket: 'acme-new-public' }));
    await s3.send(new PutBucketAclCommand({ Bucket: 'acme-new-public', ACL: 'public-read' }));
    expect((await escher('generate', '--date', D2)).code).toBe(0);
    const diff = await escher('diff', D1, D2);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain(`# Report diff ${D1} → ${D2}`);
    expect(diff.stdout).toContain('## Appeared (1)\n- CRITICAL Public bucket acme-new-public\n');
    expect(diff.stdout).toContain('## Gone (0)');
    const second = ReportSchema.parse(
      JSON.parse((await escher('show', '--date', D2, '--format', 'json')).stdout),
    );
    expect(second.previous_report_id).toBe(`report:${D1}`);
    const status = (name: string) => second.findings.find((f) => f.resource_name === name)?.status;
    expect(status(PUBLIC_BUCKET)).toBe('open');
    expect(status('acme-new-public')).toBe('new');
  });

  it('shows collector progress on stderr when it is a terminal', async () => {
    // util-linux `script` gives the CLI a pseudo-terminal; its output is the terminal's.
    const command = [
      process.execPath,
      ESCHER_BIN,
      'report',
      'generate',
      '--date',
      D1,
      '--dry-run',
      '--store',
      store,
    ]
      .map((a) => `'${a}'`)
      .join(' ');
    const terminal = await new Promise<string>((resolve, reject) => {
      execFile(
        'script',
        ['-qec', command, '/dev/null'],
        { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 16 << 20 },
        (err, stdout) => (err ? reject(err) : resolve(stdout)),
      );
    });
    // One line per finished collector, rewritten in place, up to the last of the twelve.
    expect(terminal).toMatch(/\r\[1\/12\] [a-z]+\.[a-z]+ \S* ?(ok|unavailable)/);
    expect(terminal).toMatch(/\r\[12\/12\] [a-z]+\.[a-z]+ /);
    expect(terminal).toContain('aws.security 123456789012 ok');
    expect(terminal).toContain(`# Morning report — ${D1}`);
  });

  it('refuses an unknown format and a malformed date with exit status 2', async () => {
    const format = await escher('show', '--date', D1, '--format', 'docx');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown format "docx"');
    const date = await escher('generate', '--date', '20-11-2026', '--dry-run');
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--date "20-11-2026" is not a date');
  });
});
