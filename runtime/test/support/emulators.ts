// What tests use to reach the emulators the global setup started: their endpoints and the
// environment variable sets that point the SDK adapters (through RuntimeEnv) at them.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadRuntimeEnv, type RuntimeEnv } from '../../src/config/env.js';
import type { EmulatorEndpoint, EmulatorName } from './emulators/types.js';

export function emulators(): Partial<Record<EmulatorName, EmulatorEndpoint>> {
  return Object.fromEntries(inject('emulators').map((e) => [e.name, e]));
}

export function emulator(name: EmulatorName): EmulatorEndpoint {
  const found = emulators()[name];
  if (!found) {
    throw new Error(
      `emulator ${name} was not started; include it in ESCHER_TEST_EMULATORS or leave that variable unset`,
    );
  }
  return found;
}

/** Variables for the AWS SDK: moto's endpoint, region and test credentials. */
export const awsEnv = (): Record<string, string> => emulator('moto').env;
/** Variables for Azure: Azurite's connection string and the Key Vault stand-in. */
export const azureEnv = (): Record<string, string> => ({
  ...emulator('azurite').env,
  ...(emulators().keyVault?.env ?? {}),
});
/** Variables for GCP: fake-gcs-server and the Secret Manager stand-in. */
export const gcpEnv = (): Record<string, string> => ({
  ...emulator('fakeGcs').env,
  ...(emulators().secretManager?.env ?? {}),
});

let home: string | undefined;
/** One ESCHER_HOME per test process, so nothing lands in the real home folder. */
function scratchHome(): string {
  home ??= mkdtempSync(join(tmpdir(), 'escher-home-'));
  return home;
}

/** A RuntimeEnv as the runner would load it, from the given variables only. */
export function runtimeEnvWith(vars: Record<string, string>): RuntimeEnv {
  return loadRuntimeEnv({ ESCHER_HOME: scratchHome(), ...vars });
}
