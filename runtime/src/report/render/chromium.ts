// Headless Chromium (Debian's `chromium` package) as a one-shot renderer: PDF from the
// report's HTML, and screenshots/DOM dumps for the tests. Each run gets a throwaway
// profile and no network beyond the page itself.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, TransientError } from '../../errors.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const TIMEOUT_MS = 60_000;

export interface ChromiumRun {
  stdout: string;
  stderr: string;
  /** The files the run produced, by name, read before the temp directory goes. */
  files: Record<string, Buffer>;
}

function flags(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
  ];
}

/** Loads `html` from a file and runs Chromium with `extra(dir)` flags; returns the named outputs. */
export async function runChromium(
  html: string,
  extra: (dir: string) => string[],
  outputs: string[],
  chromium = DEFAULT_CHROMIUM,
): Promise<ChromiumRun> {
  const dir = await mkdtemp(join(tmpdir(), 'escher-chromium-'));
  try {
    const page = join(dir, 'report.html');
    await writeFile(page, html);
    const args = [...flags(join(dir, 'profile')), ...extra(dir), `file://${page}`];
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(chromium, args, { timeout: TIMEOUT_MS, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        if (!err) return resolve({ stdout, stderr });
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'ENOENT') {
          reject(
            new ConfigError(`Chromium not found at ${chromium}`, {
              hint: 'run runtime/scripts/install-chromium.sh',
            }),
          );
        } else {
          reject(
            new TransientError(`Chromium failed: ${stderr.split('\n').slice(-3).join(' ')}`, { cause: err }),
          );
        }
      });
    });
    const files: Record<string, Buffer> = {};
    for (const name of outputs) files[name] = await readFile(join(dir, name));
    return { stdout, stderr, files };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The report's HTML printed to PDF. */
export async function renderPdf(html: string, chromium?: string): Promise<Buffer> {
  const run = await runChromium(
    html,
    (dir) => ['--no-pdf-header-footer', `--print-to-pdf=${join(dir, 'report.pdf')}`],
    ['report.pdf'],
    chromium,
  );
  return run.files['report.pdf'] as Buffer;
}
