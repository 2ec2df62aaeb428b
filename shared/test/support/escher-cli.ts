// The real `escher` CLI (runtime/bin/escher.js, built by `tsc -b`) on local file stores,
// with its own ESCHER_HOME so the laptop's secrets are never touched.

import { fileURLToPath } from 'node:url';
import { type EscherRunner, escherProcess } from '../../src/deploy/export-state.js';

export const ESCHER_BIN = fileURLToPath(new URL('../../../runtime/bin/escher.js', import.meta.url));

export const escherCli = (escherHome: string): EscherRunner =>
  escherProcess(ESCHER_BIN, { PATH: process.env.PATH, ESCHER_HOME: escherHome });
