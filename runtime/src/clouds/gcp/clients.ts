// Compute Engine clients, built at the edge per project. REST transport (the library's
// fallback) so tests can point it at a contract server through ESCHER_GCE_ENDPOINT.

import { BigQuery } from '@google-cloud/bigquery';
import {
  DisksClient,
  FirewallsClient,
  GlobalOperationsClient,
  InstancesClient,
  SnapshotsClient,
  ZoneOperationsClient,
} from '@google-cloud/compute';
import { MetricServiceClient } from '@google-cloud/monitoring';
import { Storage } from '@google-cloud/storage';
import type { AuthClient } from 'google-auth-library';
import type { RuntimeEnv } from '../../config/env.js';
import type { RetryOptions } from '../retry.js';

export interface GcpClientOptions {
  /** Credentials for the project; default: Application Default Credentials. */
  authClient?: AuthClient;
  /** Bounded retries of 429/5xx around read calls whose library settings do not retry throttling. */
  retry?: RetryOptions;
}

/** Client options from ESCHER_GCE_ENDPOINT, e.g. http://127.0.0.1:8085 (path ignored). */
export function gceEndpointOptions(env: RuntimeEnv): Record<string, unknown> {
  return endpointOptions(env.ESCHER_GCE_ENDPOINT);
}

function endpointOptions(endpoint: string | undefined): Record<string, unknown> {
  if (!endpoint) return {};
  const url = new URL(endpoint);
  return {
    apiEndpoint: url.hostname,
    port: Number(url.port || (url.protocol === 'http:' ? 80 : 443)),
    protocol: url.protocol.replace(':', ''),
  };
}

export class GcpClients {
  private instancesClient?: InstancesClient;
  private operationsClient?: ZoneOperationsClient;
  private firewallsClient?: FirewallsClient;
  private globalOperationsClient?: GlobalOperationsClient;
  private storageClient?: Storage;
  private disksClient?: DisksClient;
  private snapshotsClient?: SnapshotsClient;
  private metricsClient?: MetricServiceClient;
  private readonly bigQueryClients = new Map<string, BigQuery>();

  constructor(
    private readonly env: RuntimeEnv,
    private readonly options: GcpClientOptions = {},
  ) {}

  /** Retry settings for collectors' read calls (see GcpClientOptions.retry). */
  get retry(): RetryOptions | undefined {
    return this.options.retry;
  }

  private common() {
    return {
      fallback: true,
      ...gceEndpointOptions(this.env),
      ...(this.options.authClient ? { authClient: this.options.authClient } : {}),
    };
  }

  /** One client serves every project: the project is a field of each request. */
  instances(): InstancesClient {
    this.instancesClient ??= new InstancesClient(this.common());
    return this.instancesClient;
  }

  zoneOperations(): ZoneOperationsClient {
    this.operationsClient ??= new ZoneOperationsClient(this.common());
    return this.operationsClient;
  }

  firewalls(): FirewallsClient {
    this.firewallsClient ??= new FirewallsClient(this.common());
    return this.firewallsClient;
  }

  globalOperations(): GlobalOperationsClient {
    this.globalOperationsClient ??= new GlobalOperationsClient(this.common());
    return this.globalOperationsClient;
  }

  disks(): DisksClient {
    this.disksClient ??= new DisksClient(this.common());
    return this.disksClient;
  }

  snapshots(): SnapshotsClient {
    this.snapshotsClient ??= new SnapshotsClient(this.common());
    return this.snapshotsClient;
  }

  /** Cloud Monitoring over the library's REST fallback, so a contract server can stand in for it. */
  metrics(): MetricServiceClient {
    this.metricsClient ??= new MetricServiceClient({
      fallback: true,
      ...endpointOptions(this.env.ESCHER_GCP_MONITORING_ENDPOINT),
      ...(this.options.authClient ? { authClient: this.options.authClient } : {}),
    });
    return this.metricsClient;
  }

  /** Cloud Storage (JSON API); STORAGE_EMULATOR_HOST points it at an emulator or contract server. */
  storage(): Storage {
    const endpoint = this.env.STORAGE_EMULATOR_HOST;
    this.storageClient ??= new Storage({
      ...(endpoint ? { apiEndpoint: endpoint.startsWith('http') ? endpoint : `http://${endpoint}` } : {}),
      ...(this.options.authClient ? { authClient: this.options.authClient } : {}),
    });
    return this.storageClient;
  }

  /** BigQuery (billing export queries); ESCHER_BIGQUERY_ENDPOINT points it at a contract server. */
  bigQuery(project: string): BigQuery {
    const endpoint = this.env.ESCHER_BIGQUERY_ENDPOINT;
    let client = this.bigQueryClients.get(project);
    if (!client) {
      client = new BigQuery({
        projectId: project,
        ...(endpoint ? { apiEndpoint: endpoint } : {}),
        ...(this.options.authClient ? { authClient: this.options.authClient } : {}),
      });
      this.bigQueryClients.set(project, client);
    }
    return client;
  }
}
