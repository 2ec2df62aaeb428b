// SDK clients for the Azure catalog entries, per target subscription. Management-plane calls
// (storage account settings, NSG rules, VM power) go through ARM; container access levels are
// a Blob service (data-plane) setting, so those go through the Blob SDK.

import type { ComputeManagementClient } from '@azure/arm-compute';
import type { NetworkManagementClient } from '@azure/arm-network';
import type { StorageManagementClient } from '@azure/arm-storage';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';
import type { OperationTarget } from '@escher/shared';
import { AzureClients } from '../../clouds/azure/clients.js';
import type { RuntimeEnv } from '../../config/env.js';

export interface AzureRemediationClients {
  compute: ComputeManagementClient;
  network: NetworkManagementClient;
  storage: StorageManagementClient;
  /** The Blob service of a storage account. */
  blobs(account: string): BlobServiceClient;
  /** Poll interval for long-running operations (tests shorten it). */
  lroIntervalMs?: number;
}

export interface AzureRemediationOptions {
  credential: TokenCredential;
  /** Emulator (Azurite) connection string: it serves one fixed account for every name. */
  blobConnectionString?: string | undefined;
  lroIntervalMs?: number;
}

export function azureRemediationClients(
  clients: AzureClients,
  options: AzureRemediationOptions,
): (target: OperationTarget) => Promise<AzureRemediationClients> {
  const blobs = (account: string) =>
    options.blobConnectionString
      ? BlobServiceClient.fromConnectionString(options.blobConnectionString)
      : new BlobServiceClient(`https://${account}.blob.core.windows.net`, options.credential);
  return async (target) => ({
    compute: clients.compute(target.account),
    network: clients.network(target.account),
    storage: clients.storage(target.account),
    blobs,
    ...(options.lroIntervalMs !== undefined ? { lroIntervalMs: options.lroIntervalMs } : {}),
  });
}

/** The runner's wiring: one credential (managed identity, CLI or environment) for ARM and the Blob service. */
export function azureRemediationProvider(
  env: RuntimeEnv,
): (target: OperationTarget) => Promise<AzureRemediationClients> {
  const credential = new DefaultAzureCredential();
  return azureRemediationClients(new AzureClients(env, { credential }), {
    credential,
    blobConnectionString: env.AZURE_STORAGE_CONNECTION_STRING,
  });
}
