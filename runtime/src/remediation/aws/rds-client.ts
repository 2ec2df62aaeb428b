// The RDSClient for one target's account and region, built once per run.

import { RDSClient } from '@aws-sdk/client-rds';
import type { AwsRemediationClients } from './clients.js';

const cache = new WeakMap<AwsRemediationClients, RDSClient>();

export function rdsOf(c: AwsRemediationClients): RDSClient {
  let client = cache.get(c);
  if (!client) {
    client = new RDSClient({ ...c });
    cache.set(c, client);
  }
  return client;
}
