// The EC2Client for one target's account and region, built once per run.

import { EC2Client } from '@aws-sdk/client-ec2';
import type { AwsRemediationClients } from './clients.js';

const cache = new WeakMap<AwsRemediationClients, EC2Client>();

export function ec2Of(c: AwsRemediationClients): EC2Client {
  let client = cache.get(c);
  if (!client) {
    client = new EC2Client({ ...c });
    cache.set(c, client);
  }
  return client;
}
