// Builds the Azure component once per test file against recording mocks, with credential
// canaries in the environment that must never reach a resource input.

import { vi } from 'vitest';
import { ExtendedRuntime } from '../../src/component.js';
import { parseAzureStackConfig } from '../../src/config.js';
import { VALID } from './fixtures.js';
import { type Recorded, record } from './mocks.js';

export const CANARY = 'canary-7f3a9c';

export async function synthValidStack(): Promise<Recorded[]> {
  vi.stubEnv('AZURE_CLIENT_SECRET', CANARY);
  vi.stubEnv('ESCHER_AI_TOKEN', CANARY);
  try {
    return await record(() => new ExtendedRuntime('escher', parseAzureStackConfig(VALID)));
  } finally {
    vi.unstubAllEnvs();
  }
}
