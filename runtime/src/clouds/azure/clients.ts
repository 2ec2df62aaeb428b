// Azure SDK clients, built at the edge per subscription. The home subscription uses the
// default credential chain; others use the service principal kept in the SecretStore. Tests
// point ARM at a contract server (ESCHER_AZURE_ARM_ENDPOINT) over TLS with its own CA, and
// the regional Azure Monitor metrics endpoints at one (ESCHER_AZURE_METRICS_ENDPOINT).

import { ComputeManagementClient } from '@azure/arm-compute';
import { CostManagementClient } from '@azure/arm-costmanagement';
import { NetworkManagementClient } from '@azure/arm-network';
import { ResourceManagementClient } from '@azure/arm-resources';
import { DeploymentsClient } from '@azure/arm-resourcesdeployments';
import { StorageManagementClient } from '@azure/arm-storage';
import type { TokenCredential } from '@azure/identity';
import { DefaultAzureCredential } from '@azure/identity';
import type { MetricsClient } from '@azure/monitor-query-metrics';
import type { RuntimeEnv } from '../../config/env.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { storedAzureCredential } from './stored-credential.js';

export interface AzureClientOptions {
  /** One credential for every subscription (tests, or a runner that wants exactly one). */
  credential?: TokenCredential;
  /** The subscription the default credential chain belongs to (config `azure.subscription_id`). */
  homeSubscription?: string;
  /** Where other subscriptions' service principals are kept (escher/azure/<subscription>/...). */
  secrets?: SecretStore;
  /** PEM CA of a test server (ARM contract server with a self-signed certificate). */
  ca?: string;
  /** Base delay of the SDK's exponential retry (429/5xx honour Retry-After first). */
  retryDelayInMs?: number;
}

export class AzureClients {
  private readonly cache = new Map<string, ComputeManagementClient>();
  private readonly networkCache = new Map<string, NetworkManagementClient>();
  private readonly storageCache = new Map<string, StorageManagementClient>();
  private readonly metricsCache = new Map<string, Promise<MetricsClient>>();
  private readonly resourcesCache = new Map<string, ResourceManagementClient>();
  private readonly deploymentsCache = new Map<string, DeploymentsClient>();
  private readonly credentials = new Map<string, TokenCredential>();
  private defaultCredential?: TokenCredential;
  private costClient?: CostManagementClient;

  constructor(
    private readonly env: RuntimeEnv,
    private readonly options: AzureClientOptions = {},
  ) {}

  private get credential(): TokenCredential {
    this.defaultCredential ??= this.options.credential ?? new DefaultAzureCredential();
    return this.defaultCredential;
  }

  /** The credential for one subscription: the default chain for the home one only. */
  credentialFor(subscription: string): TokenCredential {
    const { credential, homeSubscription, secrets } = this.options;
    if (credential || !secrets || !homeSubscription || subscription === homeSubscription)
      return this.credential;
    let found = this.credentials.get(subscription);
    if (!found) {
      found = storedAzureCredential(secrets, subscription);
      this.credentials.set(subscription, found);
    }
    return found;
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
      client = new ComputeManagementClient(this.credentialFor(subscription), subscription, this.common());
      this.cache.set(subscription, client);
    }
    return client;
  }

  network(subscription: string): NetworkManagementClient {
    let client = this.networkCache.get(subscription);
    if (!client) {
      client = new NetworkManagementClient(this.credentialFor(subscription), subscription, this.common());
      this.networkCache.set(subscription, client);
    }
    return client;
  }

  storage(subscription: string): StorageManagementClient {
    let client = this.storageCache.get(subscription);
    if (!client) {
      client = new StorageManagementClient(this.credentialFor(subscription), subscription, this.common());
      this.storageCache.set(subscription, client);
    }
    return client;
  }

  /**
   * The Azure Monitor metrics data plane of one region, for batched metric reads of that
   * subscription's resources there. The SDK loads on first use: only the morning report needs it.
   */
  metrics(subscription: string, region: string): Promise<MetricsClient> {
    const key = `${subscription}/${region}`;
    let client = this.metricsCache.get(key);
    if (!client) {
      client = this.newMetricsClient(subscription, region);
      this.metricsCache.set(key, client);
    }
    return client;
  }

  private async newMetricsClient(subscription: string, region: string): Promise<MetricsClient> {
    const { MetricsClient } = await import('@azure/monitor-query-metrics');
    const template = this.env.ESCHER_AZURE_METRICS_ENDPOINT ?? 'https://{region}.metrics.monitor.azure.com';
    const { retryOptions } = this.common();
    // The token scope is left to the SDK (its default audience for the public cloud).
    return new MetricsClient(template.replace('{region}', region), this.credentialFor(subscription), {
      retryOptions,
      ...(this.options.ca ? { tlsOptions: { ca: this.options.ca } } : {}),
    });
  }

  /** Resource groups, to list each one's template deployments. */
  resources(subscription: string): ResourceManagementClient {
    let client = this.resourcesCache.get(subscription);
    if (!client) {
      client = new ResourceManagementClient(this.credential, subscription, this.common());
      this.resourcesCache.set(subscription, client);
    }
    return client;
  }

  deployments(subscription: string): DeploymentsClient {
    let client = this.deploymentsCache.get(subscription);
    if (!client) {
      client = new DeploymentsClient(this.credential, subscription, this.common());
      this.deploymentsCache.set(subscription, client);
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
