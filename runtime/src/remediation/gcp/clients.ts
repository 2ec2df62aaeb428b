// SDK clients for the GCP catalog entries. One client per API serves every project (the
// project is a field of each request); which projects the runner may touch is decided by
// the service account's grants in each project.

import type { OperationTarget } from '@escher/shared';
import type {
  FirewallsClient,
  GlobalOperationsClient,
  InstancesClient,
  ZoneOperationsClient,
} from '@google-cloud/compute';
import type { Storage } from '@google-cloud/storage';
import { GcpClients } from '../../clouds/gcp/clients.js';
import type { RuntimeEnv } from '../../config/env.js';

export interface GcpRemediationClients {
  storage: Storage;
  firewalls: FirewallsClient;
  globalOperations: GlobalOperationsClient;
  instances: InstancesClient;
  zoneOperations: ZoneOperationsClient;
}

export function gcpRemediationClients(
  clients: GcpClients,
): (target: OperationTarget) => Promise<GcpRemediationClients> {
  return async () => ({
    storage: clients.storage(),
    firewalls: clients.firewalls(),
    globalOperations: clients.globalOperations(),
    instances: clients.instances(),
    zoneOperations: clients.zoneOperations(),
  });
}

/** The runner's wiring: Application Default Credentials, endpoints from the environment. */
export const gcpRemediationProvider = (env: RuntimeEnv) => gcpRemediationClients(new GcpClients(env));
