// Runs the real `escher` CLI (runtime/bin/escher.js, built by `tsc -b`) against local stores.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EscherRunner } from '../../src/destroy/export-state.js';

export const ESCHER_BIN = fileURLToPath(new URL('../../../runtime/bin/escher.js', import.meta.url));

export function escherCli(escherHome: string): EscherRunner {
  return (args) =>
    new Promise((done) => {
      const env = { PATH: process.env.PATH, ESCHER_HOME: escherHome };
      execFile(process.execPath, [ESCHER_BIN, ...args], { env }, (err, stdout, stderr) =>
        done({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
      );
    });
}
