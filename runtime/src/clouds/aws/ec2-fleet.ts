// EC2 instances behind the ComputeFleet interface: DescribeInstances by instance-id filter
// (unknown ids simply do not come back), Stop/StartInstances with many ids per call.

import {
  DescribeInstancesCommand,
  type EC2Client,
  type Instance,
  StartInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import type { JobAction } from '@escher/shared';
import type { ComputeFleet, LiveResource, PowerState } from '../../jobs/fleet.js';
import { chunk } from '../../jobs/limit.js';
import { type PollOptions, pollUntilSettled } from '../poll.js';

/** DescribeInstances accepts at most 200 values per filter. */
const FILTER_VALUES = 200;

const STATES: Record<string, PowerState> = {
  pending: 'pending',
  running: 'running',
  stopping: 'stopping',
  stopped: 'stopped',
  'shutting-down': 'terminated',
  terminated: 'terminated',
};

export function ec2Live(instance: Instance): LiveResource {
  const tags = Object.fromEntries((instance.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  const reason = instance.StateReason?.Message;
  return {
    id: instance.InstanceId ?? '',
    state: STATES[instance.State?.Name ?? ''] ?? 'unknown',
    tags,
    ...(reason ? { stateReason: reason } : {}),
  };
}

export interface Ec2FleetOptions extends PollOptions {
  /** Ids per Stop/StartInstances call. */
  maxBatch?: number;
  concurrency?: number;
}

export class Ec2Fleet implements ComputeFleet {
  readonly maxBatch: number;
  readonly concurrency: number;

  constructor(
    private readonly ec2: EC2Client,
    private readonly options: Ec2FleetOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.concurrency = options.concurrency ?? 4;
  }

  async describe(ids: readonly string[]): Promise<Map<string, LiveResource>> {
    const found = new Map<string, LiveResource>(ids.map((id) => [id, { id, state: 'missing', tags: {} }]));
    for (const part of chunk(ids, FILTER_VALUES)) {
      let NextToken: string | undefined;
      do {
        const out = await this.ec2.send(
          new DescribeInstancesCommand({
            Filters: [{ Name: 'instance-id', Values: part }],
            NextToken,
            MaxResults: 1000,
          }),
        );
        for (const instance of (out.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
          const live = ec2Live(instance);
          if (found.has(live.id)) found.set(live.id, live);
        }
        NextToken = out.NextToken;
      } while (NextToken);
    }
    return found;
  }

  async act(action: JobAction, ids: readonly string[]): Promise<void> {
    const InstanceIds = [...ids];
    if (action === 'start') await this.ec2.send(new StartInstancesCommand({ InstanceIds }));
    else await this.ec2.send(new StopInstancesCommand({ InstanceIds, Hibernate: action === 'hibernate' }));
  }

  waitFor(ids: readonly string[], wanted: readonly PowerState[]): Promise<Map<string, LiveResource>> {
    return pollUntilSettled((left) => this.describe(left), ids, wanted, this.options);
  }
}
