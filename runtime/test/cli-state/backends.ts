// The state backends the CLI concurrency and crash tests run against. The local store
// always; the cloud emulators join when the emulator harness provides them.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Backend {
  name: string;
  /** A fresh, empty store URL plus the environment the CLI needs to reach it. */
  fresh(): Promise<{ storeUrl: string; env: Record<string, string> }>;
}

export const localBackend: Backend = {
  name: 'local store',
  fresh: async () => ({
    storeUrl: `file://${join(await mkdtemp(join(tmpdir(), 'escher-cli-')), 'state')}`,
    env: {},
  }),
};

export const backends: Backend[] = [localBackend];
