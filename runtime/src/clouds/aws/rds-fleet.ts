// RDS DB instances behind the ComputeFleet interface: one Stop/StartDBInstance per call
// (the API takes one identifier). AWS starts a stopped instance again after 7 days; the
// job planner notices and stops it again on its next run.

import {
  type DBInstance,
  DescribeDBInstancesCommand,
  type RDSClient,
  StartDBInstanceCommand,
  StopDBInstanceCommand,
} from '@aws-sdk/client-rds';
import type { JobAction } from '@escher/shared';
import type { ComputeFleet, LiveResource, PowerState } from '../../jobs/fleet.js';
import { chunk } from '../../jobs/limit.js';
import { type PollOptions, pollUntilSettled } from '../poll.js';

/** DescribeDBInstances accepts at most 100 values per filter. */
const FILTER_VALUES = 100;

const STATES: Record<string, PowerState> = {
  available: 'running',
  'backing-up': 'running',
  modifying: 'running',
  'storage-optimization': 'running',
  starting: 'pending',
  rebooting: 'pending',
  stopping: 'stopping',
  stopped: 'stopped',
  deleting: 'terminated',
  failed: 'terminated',
};

export function rdsLive(db: DBInstance): LiveResource {
  return {
    id: db.DBInstanceIdentifier ?? '',
    state: STATES[db.DBInstanceStatus ?? ''] ?? 'unknown',
    tags: Object.fromEntries((db.TagList ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
  };
}

export class RdsFleet implements ComputeFleet {
  readonly maxBatch = 1;
  readonly concurrency: number;

  constructor(
    private readonly rds: RDSClient,
    private readonly options: PollOptions & { concurrency?: number } = {},
  ) {
    this.concurrency = options.concurrency ?? 4;
  }

  async describe(ids: readonly string[]): Promise<Map<string, LiveResource>> {
    const found = new Map<string, LiveResource>(ids.map((id) => [id, { id, state: 'missing', tags: {} }]));
    for (const part of chunk(ids, FILTER_VALUES)) {
      let Marker: string | undefined;
      do {
        const out = await this.rds.send(
          new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-instance-id', Values: part }], Marker }),
        );
        for (const db of out.DBInstances ?? []) {
          const live = rdsLive(db);
          if (found.has(live.id)) found.set(live.id, live);
        }
        Marker = out.Marker;
      } while (Marker);
    }
    return found;
  }

  async act(action: JobAction, ids: readonly string[]): Promise<void> {
    for (const DBInstanceIdentifier of ids) {
      if (action === 'start') await this.rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier }));
      else if (action === 'stop') await this.rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier }));
      else throw new Error(`RDS instances cannot ${action}`);
    }
  }

  waitFor(ids: readonly string[], wanted: readonly PowerState[]): Promise<Map<string, LiveResource>> {
    return pollUntilSettled((left) => this.describe(left), ids, wanted, this.options);
  }
}
