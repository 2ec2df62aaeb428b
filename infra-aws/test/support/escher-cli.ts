// Runs the real `escher` CLI (runtime/bin/escher.js, built by `tsc -b`) against local stores.

import { fileURLToPath } from 'node:url';
import { type EscherRunner, escherProcess } from '@escher/shared';

export const ESCHER_BIN = fileURLToPath(new URL('../../../runtime/bin/escher.js', import.meta.url));

export const escherCli = (escherHome: string): EscherRunner =>
  escherProcess(ESCHER_BIN, { PATH: process.env.PATH, ESCHER_HOME: escherHome });
