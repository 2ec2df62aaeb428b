// One table from (cloud, resource type) to its ComputeFleet adapter. Adding a kind of
// resource jobs can stop/start is adding a line here and an adapter next to it.

import { ConfigError } from '../errors.js';
import type { ComputeFleet, FleetProvider, FleetScope } from '../jobs/fleet.js';
import type { AwsClients } from './aws/clients.js';
import { Ec2Fleet } from './aws/ec2-fleet.js';
import { RdsFleet } from './aws/rds-fleet.js';
import type { AzureClients } from './azure/clients.js';
import { AzureVmFleet } from './azure/vm-fleet.js';
import type { GcpClients } from './gcp/clients.js';
import { GceFleet } from './gcp/gce-fleet.js';
import type { PollOptions } from './poll.js';
import type { RetryOptions } from './retry.js';

export interface CloudClients {
  aws?: AwsClients;
  azure?: AzureClients;
  gcp?: GcpClients;
  poll?: PollOptions;
  retry?: RetryOptions;
  /** Azure LRO poll interval override (tests). */
  lroIntervalMs?: number;
}

type FleetFactory = (scope: FleetScope, c: CloudClients) => ComputeFleet | undefined;

const FLEETS: Record<string, FleetFactory> = {
  'aws:compute_instance': (s, c) =>
    c.aws && new Ec2Fleet(c.aws.ec2({ account: s.account, region: s.region }), c.poll),
  'aws:database_instance': (s, c) =>
    c.aws && new RdsFleet(c.aws.rds({ account: s.account, region: s.region }), c.poll),
  'azure:compute_instance': (s, c) =>
    c.azure &&
    new AzureVmFleet(c.azure.compute(s.account), {
      ...c.poll,
      ...(c.lroIntervalMs !== undefined ? { lroIntervalMs: c.lroIntervalMs } : {}),
    }),
  'gcp:compute_instance': (_s, c) =>
    c.gcp &&
    new GceFleet(c.gcp.instances(), c.gcp.zoneOperations(), {
      ...c.poll,
      ...(c.retry ? { retry: c.retry } : {}),
    }),
};

export function cloudFleets(clients: CloudClients): FleetProvider {
  const cache = new Map<string, ComputeFleet>();
  return (scope) => {
    const key = `${scope.cloud}|${scope.account}|${scope.region}|${scope.resource_type}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const fleet = FLEETS[`${scope.cloud}:${scope.resource_type}`]?.(scope, clients);
    if (!fleet) {
      throw new ConfigError(`jobs cannot act on ${scope.resource_type} in ${scope.cloud} ${scope.account}`, {
        hint: `configure ${scope.cloud} credentials for the runner, or narrow selector.clouds / resource_types`,
      });
    }
    cache.set(key, fleet);
    return fleet;
  };
}
