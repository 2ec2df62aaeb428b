// Catalog entry aws.rds.increase_allocated_storage: raise allocated storage by the
// configured percent (at least 10 GiB more), applied immediately. A pending storage
// modification means an earlier run already asked; nothing more is needed then.

import {
  type DBInstance,
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { CatalogExecutor, RemediationTarget } from '../executor.js';
import type { AwsRemediationClients } from './clients.js';
import { awsCall, ResourceGoneError } from './errors.js';
import { rdsOf } from './rds-client.js';

async function instance(rds: RDSClient, id: string): Promise<DBInstance> {
  const res = await awsCall(`RDS instance ${id}`, () =>
    rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })),
  );
  const db = res?.DBInstances?.[0];
  if (!db)
    throw new ResourceGoneError(`RDS instance ${id} no longer exists`, { hint: 'nothing was changed' });
  return db;
}

export function newSize(current: number, target: RemediationTarget): number {
  const percent = typeof target.params.increase_percent === 'number' ? target.params.increase_percent : 25;
  return Math.max(current + 10, Math.ceil(current * (1 + percent / 100)));
}

export const rdsIncreaseStorage: CatalogExecutor<AwsRemediationClients> = {
  id: 'aws.rds.increase_allocated_storage',
  undo: 'Allocated storage cannot be reduced in place; undoing means restoring a snapshot into a smaller instance.',

  async check({ target }, clients) {
    const rds = rdsOf(clients);
    const db = await instance(rds, target.resource_id);
    const pending = db.PendingModifiedValues?.AllocatedStorage;
    const current = db.AllocatedStorage ?? 0;
    if (pending)
      return { needed: false, reason: `a storage change to ${pending} GiB is already pending`, plan: [] };
    return {
      needed: true,
      reason: `allocated storage is ${current} GiB`,
      plan: [`raise allocated storage from ${current} to ${newSize(current, target)} GiB`],
    };
  },

  async apply({ target }, clients) {
    const rds = rdsOf(clients);
    const db = await instance(rds, target.resource_id);
    const size = newSize(db.AllocatedStorage ?? 0, target);
    await awsCall(`RDS instance ${target.resource_id}`, () =>
      rds.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: target.resource_id,
          AllocatedStorage: size,
          ApplyImmediately: true,
        }),
      ),
    );
    return { changes: [`allocated storage ${db.AllocatedStorage} → ${size} GiB`] };
  },

  async verify({ target }, clients) {
    const rds = rdsOf(clients);
    const db = await instance(rds, target.resource_id);
    const size = db.PendingModifiedValues?.AllocatedStorage ?? db.AllocatedStorage ?? 0;
    return {
      ok: size > 0,
      observed: `allocated storage ${db.AllocatedStorage} GiB, pending ${db.PendingModifiedValues?.AllocatedStorage ?? 'none'}`,
    };
  },
};
