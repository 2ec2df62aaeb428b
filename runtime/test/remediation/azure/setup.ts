// One ARM contract server (compute, network, storage over TLS) plus Azurite's Blob service,
// wired into the Azure catalog entries' clients exactly as the runner wires them.

import type { TokenCredential } from '@azure/identity';
import type { OperationTarget } from '@escher/shared';
import { AzureClients } from '../../../src/clouds/azure/clients.js';
import {
  type AzureRemediationClients,
  azureRemediationClients,
} from '../../../src/remediation/azure/clients.js';
import { azureCompute } from '../../contract/azure-compute.js';
import { azureNetwork } from '../../contract/azure-network.js';
import { azureStorage } from '../../contract/azure-storage.js';
import { type ContractServer, startContractServer } from '../../contract/server.js';
import { emulator, runtimeEnvWith } from '../../support/emulators.js';
import { contextsIn } from '../executor-context.js';

export const SUB = '11111111-2222-3333-4444-555555555555';

/** A fixed bearer token: the contract server does not check it, only that one is sent. */
const credential: TokenCredential = {
  getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

export interface AzureWorld {
  server: ContractServer;
  compute: ReturnType<typeof azureCompute>;
  network: ReturnType<typeof azureNetwork>;
  storage: ReturnType<typeof azureStorage>;
  clients(target: OperationTarget): Promise<AzureRemediationClients>;
}

export async function startAzureWorld(): Promise<AzureWorld> {
  const compute = azureCompute({ inProgressPolls: 1 });
  const network = azureNetwork({ inProgressPolls: 1 });
  const storage = azureStorage();
  const server = await startContractServer({
    routes: [...compute.routes, ...network.routes, ...storage.routes],
    tls: true,
  });
  const env = runtimeEnvWith({ ESCHER_AZURE_ARM_ENDPOINT: server.url });
  const arm = new AzureClients(env, {
    credential,
    ...(server.ca ? { ca: server.ca } : {}),
    retryDelayInMs: 10,
  });
  const clients = azureRemediationClients(arm, {
    credential,
    blobConnectionString: emulator('azurite').env.AZURE_STORAGE_CONNECTION_STRING,
    lroIntervalMs: 10,
  });
  return { server, compute, network, storage, clients };
}

export const contextFor = contextsIn({ cloud: 'azure', account: SUB, region: 'westeurope' });
