// Catalog entry gcp.compute.stop_instance: stop a running instance (idle past the user's
// threshold). The stop itself is the jobs fleet's (operation waited on until DONE), so both
// paths act alike.

import { GceFleet, parseInstancePath } from '../../clouds/gcp/gce-fleet.js';
import type { CatalogExecutor, ExecutorContext } from '../executor.js';
import type { GcpRemediationClients } from './clients.js';
import { gcpCall } from './errors.js';

const RUNNING = new Set(['PROVISIONING', 'STAGING', 'RUNNING', 'REPAIRING']);
const STOPPED = new Set(['STOPPING', 'TERMINATED', 'STOPPED']);

async function status({ target }: ExecutorContext, c: GcpRemediationClients): Promise<string> {
  const path = parseInstancePath(target.resource_id);
  const [instance] = await gcpCall(`instance ${path.instance}`, () => c.instances.get(path));
  return instance.status ?? 'UNKNOWN';
}

export const instanceStop: CatalogExecutor<GcpRemediationClients> = {
  id: 'gcp.compute.stop_instance',
  undo: 'Start the instance again (persistent disks are kept; an ephemeral external IP may change).',

  async check(ctx, c) {
    const name = parseInstancePath(ctx.target.resource_id).instance;
    const state = await status(ctx, c);
    const needed = RUNNING.has(state);
    return { needed, reason: `instance ${name} is ${state}`, plan: needed ? [`stop instance ${name}`] : [] };
  },

  async apply(ctx, c) {
    const name = parseInstancePath(ctx.target.resource_id).instance;
    await gcpCall(`instance ${name}`, () =>
      new GceFleet(c.instances, c.zoneOperations).act('stop', [ctx.target.resource_id]),
    );
    return { changes: [`stopped instance ${name}`] };
  },

  async verify(ctx, c) {
    const state = await status(ctx, c);
    return { ok: STOPPED.has(state), observed: `instance status is ${state}` };
  },
};
