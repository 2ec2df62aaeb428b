// Azure SDK clients, built at the edge per subscription. Tests point ARM at a contract
// server (ESCHER_AZURE_ARM_ENDPOINT) over TLS with its own CA passed in-process.

import { ComputeManagementClient } from '@azure/arm-compute';
import { CostManagementClient } from '@azure/arm-costmanagement';
import { NetworkManagementClient } from '@azure/arm-network';
import { StorageManagementClient } from '@azure/arm-storage';
import type { TokenCredential } from '@azure/identity';
import { DefaultAzureCredential } from '@azure/identity';
import type { RuntimeEnv } from '../../config/env.js';

export interface AzureClientOptions {
  credential?: TokenCredential;
  /** PEM CA of a test server (ARM contract server with a self-signed certificate). */
  ca?: string;
  /** Base delay of the SDK's exponential retry (429/5xx honour Retry-After first). */
  retryDelayInMs?: number;
}

export class AzureClients {
  private readonly cache = new Map<string, ComputeManagementClient>();
  private readonly networkCache = new Map<string, NetworkManagementClient>();
  private readonly storageCache = new Map<string, StorageManagementClient>();
  private readonly credential: TokenCredential;
  private costClient?: CostManagementClient;

  constructor(
    private readonly env: RuntimeEnv,
    private readonly options: AzureClientOptions = {},
  ) {
    this.credential = options.credential ?? new DefaultAzureCredential();
  }

  private common() {
    const endpoint = this.env.ESCHER_AZURE_ARM_ENDPOINT;
    return {
      retryOptions: {
        maxRetries: 5,
        retryDelayInMs: this.options.retryDelayInMs ?? 800,
        maxRetryDelayInMs: 30_000,
      },
      ...(endpoint ? { endpoint, credentials: { scopes: ['https://management.azure.com/.default'] } } : {}),
      ...(this.options.ca ? { tlsOptions: { ca: this.options.ca } } : {}),
    };
  }

  compute(subscription: string): ComputeManagementClient {
    let client = this.cache.get(subscription);
    if (!client) {
      client = new ComputeManagementClient(this.credential, subscription, this.common());
      this.cache.set(subscription, client);
    }
    return client;
  }

  network(subscription: string): NetworkManagementClient {
    let client = this.networkCache.get(subscription);
    if (!client) {
      client = new NetworkManagementClient(this.credential, subscription, this.common());
      this.networkCache.set(subscription, client);
    }
    return client;
  }

  storage(subscription: string): StorageManagementClient {
    let client = this.storageCache.get(subscription);
    if (!client) {
      client = new StorageManagementClient(this.credential, subscription, this.common());
      this.storageCache.set(subscription, client);
    }
    return client;
  }

  /** Cost Management is scoped per request (`subscriptions/<id>`), so one client serves all. */
  costManagement(): CostManagementClient {
    const endpoint = this.env.ESCHER_AZURE_ARM_ENDPOINT;
    this.costClient ??= new CostManagementClient(this.credential, {
      ...this.common(),
      ...(endpoint ? { $host: endpoint } : {}),
    });
    return this.costClient;
  }
}
