// Azure SDK clients, built at the edge per subscription. Tests point ARM at a contract
// server (ESCHER_AZURE_ARM_ENDPOINT) over TLS with its own CA passed in-process.

import { ComputeManagementClient } from '@azure/arm-compute';
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
  private readonly credential: TokenCredential;

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
}
