// Every emulator the tests, benchmarks and demo can start, in one table. Adding one is
// adding a launcher module and a line here.

import { launchAzurite } from './azurite.js';
import { launchFakeGcs } from './fake-gcs.js';
import { launchKeyVault } from './key-vault.js';
import { launchMoto } from './moto.js';
import { launchSecretManager } from './secret-manager.js';
import type { EmulatorName, Launcher, RunningEmulator } from './types.js';

export const launchers: Partial<Record<EmulatorName, Launcher>> = {
  moto: launchMoto,
  azurite: launchAzurite,
  fakeGcs: launchFakeGcs,
  keyVault: launchKeyVault,
  secretManager: launchSecretManager,
};

export const ALL_EMULATORS = Object.keys(launchers) as EmulatorName[];

/** Parses ESCHER_TEST_EMULATORS ("moto,azurite"); unset or empty means all of them. */
export function selectEmulators(spec: string | undefined): EmulatorName[] {
  if (!spec?.trim()) return ALL_EMULATORS;
  // For test files that need no emulator at all.
  if (spec.trim() === 'none') return [];
  const names = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(n in launchers));
  if (unknown.length > 0) {
    throw new Error(
      `ESCHER_TEST_EMULATORS names unknown emulators: ${unknown.join(', ')} (known: ${ALL_EMULATORS.join(', ')}, or none)`,
    );
  }
  return names as EmulatorName[];
}

/** Starts the emulators in parallel; if one fails, the others are stopped before the error surfaces. */
export async function startEmulators(
  names: EmulatorName[],
  table: Partial<Record<EmulatorName, Launcher>> = launchers,
): Promise<RunningEmulator[]> {
  const results = await Promise.allSettled(
    names.map((name) => {
      const launch = table[name];
      if (!launch) throw new Error(`no launcher for ${name}`);
      // A second try covers the rare port taken by another process between probe and bind.
      return launch().catch(() => launch());
    }),
  );
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  if (failures.length > 0) {
    await stopEmulators(started);
    throw new AggregateError(
      failures,
      failures.map((f) => (f instanceof Error ? f.message : String(f))).join('\n'),
    );
  }
  return started;
}

export async function stopEmulators(running: RunningEmulator[]): Promise<void> {
  await Promise.allSettled(running.map((e) => e.stop()));
}

/** All the running emulators' variables in one set, for scripts (benchmarks, the demo) outside vitest. */
export function emulatorEnv(running: RunningEmulator[]): Record<string, string> {
  return Object.assign({}, ...running.map((e) => e.env));
}
