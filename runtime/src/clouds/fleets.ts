// One table from (cloud, resource type) to its ComputeFleet adapter. Adding a kind of
// resource jobs can stop/start is adding a line here and an adapter next to it. Adapters and
// their SDKs load on first use, so a run that touches only AWS never loads Azure or GCP.

import { ConfigError } from '../errors.js';
import type { ComputeFleet, FleetProvider, FleetScope } from '../jobs/fleet.js';
import type { AwsClients } from './aws/clients.js';
import type { AzureClients } from './azure/clients.js';
import type { GcpClients } from './gcp/clients.js';
import type { PollOptions } from './poll.js';
import type { RetryOptions } from './retry.js';

/** Clients ready to use, or a loader called the first time a fleet of that cloud is needed. */
export type Lazy<T> = T | (() => Promise<T>);

export interface CloudClients {
  aws?: Lazy<AwsClients>;
  azure?: Lazy<AzureClients>;
  gcp?: Lazy<GcpClients>;
  poll?: PollOptions;
  retry?: RetryOptions;
  /** Azure LRO poll interval override (tests). */
  lroIntervalMs?: number;
}

const resolve = async <T>(lazy: Lazy<T> | undefined): Promise<T | undefined> =>
  typeof lazy === 'function' ? (lazy as () => Promise<T>)() : lazy;

type FleetFactory = (scope: FleetScope, c: CloudClients) => Promise<ComputeFleet | undefined>;

const FLEETS: Record<string, FleetFactory> = {
  'aws:compute_instance': async (s, c) => {
    const aws = await resolve(c.aws);
    const { Ec2Fleet } = await import('./aws/ec2-fleet.js');
    return aws && new Ec2Fleet(aws.ec2({ account: s.account, region: s.region }), c.poll);
  },
  'aws:database_instance': async (s, c) => {
    const aws = await resolve(c.aws);
    const { RdsFleet } = await import('./aws/rds-fleet.js');
    return aws && new RdsFleet(aws.rds({ account: s.account, region: s.region }), c.poll);
  },
  'azure:compute_instance': async (s, c) => {
    const azure = await resolve(c.azure);
    const { AzureVmFleet } = await import('./azure/vm-fleet.js');
    return (
      azure &&
      new AzureVmFleet(azure.compute(s.account), {
        ...c.poll,
        ...(c.lroIntervalMs !== undefined ? { lroIntervalMs: c.lroIntervalMs } : {}),
      })
    );
  },
  'gcp:compute_instance': async (_s, c) => {
    const gcp = await resolve(c.gcp);
    const { GceFleet } = await import('./gcp/gce-fleet.js');
    return (
      gcp &&
      new GceFleet(gcp.instances(), gcp.zoneOperations(), {
        ...c.poll,
        ...(c.retry ? { retry: c.retry } : {}),
      })
    );
  },
};

export function cloudFleets(clients: CloudClients): FleetProvider {
  const cache = new Map<string, Promise<ComputeFleet>>();
  return (scope) => {
    const key = `${scope.cloud}|${scope.account}|${scope.region}|${scope.resource_type}`;
    let fleet = cache.get(key);
    if (!fleet) {
      fleet = build(scope, clients);
      cache.set(key, fleet);
      // A failed load (an SDK that is not installed, a bad config) is tried again next time.
      fleet.catch(() => cache.delete(key));
    }
    return fleet;
  };
}

async function build(scope: FleetScope, clients: CloudClients): Promise<ComputeFleet> {
  const fleet = await FLEETS[`${scope.cloud}:${scope.resource_type}`]?.(scope, clients);
  if (!fleet) {
    throw new ConfigError(`jobs cannot act on ${scope.resource_type} in ${scope.cloud} ${scope.account}`, {
      hint: `configure ${scope.cloud} credentials for the runner, or narrow selector.clouds / resource_types`,
    });
  }
  return fleet;
}
