// Catalog entry aws.ec2.stop_instance: stop a running instance (idle past the user's
// threshold). A stopped or stopping instance needs nothing; a terminated one is gone.

import { DescribeInstancesCommand, type EC2Client, StopInstancesCommand } from '@aws-sdk/client-ec2';
import type { CatalogExecutor } from '../executor.js';
import type { AwsRemediationClients } from './clients.js';
import { ec2Of } from './ec2-client.js';
import { awsCall, ResourceGoneError } from './errors.js';

async function instanceState(ec2: EC2Client, instanceId: string): Promise<string> {
  const res = await awsCall(`EC2 instance ${instanceId}`, () =>
    ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })),
  );
  const state = res?.Reservations?.[0]?.Instances?.[0]?.State?.Name;
  if (!state || state === 'terminated' || state === 'shutting-down') {
    throw new ResourceGoneError(`EC2 instance ${instanceId} no longer exists`, {
      hint: 'nothing was changed',
    });
  }
  return state;
}

export const ec2StopInstance: CatalogExecutor<AwsRemediationClients> = {
  id: 'aws.ec2.stop_instance',
  undo: 'Start the instance again (its EBS volumes and configuration are kept; an ephemeral public IP may change).',

  async check({ target }, clients) {
    const ec2 = ec2Of(clients);
    const state = await instanceState(ec2, target.resource_id);
    const needed = state === 'running' || state === 'pending';
    return {
      needed,
      reason: needed
        ? `instance ${target.resource_id} is ${state}`
        : `instance ${target.resource_id} is already ${state}`,
      plan: needed ? [`stop instance ${target.resource_id}`] : [],
    };
  },

  async apply({ target }, clients) {
    const ec2 = ec2Of(clients);
    await awsCall(`EC2 instance ${target.resource_id}`, () =>
      ec2.send(new StopInstancesCommand({ InstanceIds: [target.resource_id] })),
    );
    return { changes: [`stopped instance ${target.resource_id}`] };
  },

  async verify({ target }, clients) {
    const ec2 = ec2Of(clients);
    const state = await instanceState(ec2, target.resource_id);
    return { ok: state === 'stopping' || state === 'stopped', observed: `instance state is ${state}` };
  },
};
