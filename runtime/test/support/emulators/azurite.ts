// Azurite's Blob service, in memory, for the Azure Blob adapter.

import { freePort, startProcess, toolPath, waitForHttp } from './process.js';
import type { RunningEmulator } from './types.js';

/** Azurite's documented well-known development account. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(endpoint: string, key = AZURITE_KEY): string {
  return `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${key};BlobEndpoint=${endpoint}/${AZURITE_ACCOUNT};`;
}

export async function launchAzurite(): Promise<RunningEmulator> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const proc = startProcess(process.execPath, [
    toolPath('azurite-blob'),
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(port),
    '--inMemoryPersistence',
    // The SDK may speak a newer service version than this Azurite release knows.
    '--skipApiVersionCheck',
    '--silent',
  ]);
  await waitForHttp('azurite', `${endpoint}/${AZURITE_ACCOUNT}?comp=list`, proc);
  return {
    name: 'azurite',
    endpoint,
    env: { AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(endpoint) },
    stop: proc.stop,
  };
}
