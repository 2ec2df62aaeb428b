// Catalog entry azure.compute.deallocate_vm: deallocate a VM (idle past the user's
// threshold). Deallocated rather than powered off, since a stopped-but-allocated VM is
// still billed; the deallocation itself is the jobs fleet's, so both paths act alike.

import { AzureVmFleet, parseVmId } from '../../clouds/azure/vm-fleet.js';
import type { CatalogExecutor, ExecutorContext } from '../executor.js';
import type { AzureRemediationClients } from './clients.js';
import { azureCall } from './errors.js';

async function powerState({ target }: ExecutorContext, c: AzureRemediationClients): Promise<string> {
  const { resourceGroup, name } = parseVmId(target.resource_id);
  const view = await azureCall(`VM ${name}`, () =>
    c.compute.virtualMachines.instanceView(resourceGroup, name),
  );
  const code = view.statuses?.find((s) => s.code?.startsWith('PowerState/'))?.code;
  return code ? code.slice('PowerState/'.length) : 'unknown';
}

const DONE = new Set(['deallocated', 'deallocating']);

export const vmDeallocate: CatalogExecutor<AzureRemediationClients> = {
  id: 'azure.compute.deallocate_vm',
  undo: 'Start the VM again (disks and configuration are kept; a dynamic public IP may change).',

  async check(ctx, c) {
    const state = await powerState(ctx, c);
    const needed = !DONE.has(state);
    const name = parseVmId(ctx.target.resource_id).name;
    return {
      needed,
      reason: needed ? `VM ${name} is ${state}` : `VM ${name} is already ${state}`,
      plan: needed ? [`deallocate VM ${name}`] : [],
    };
  },

  async apply(ctx, c) {
    const fleet = new AzureVmFleet(
      c.compute,
      c.lroIntervalMs !== undefined ? { lroIntervalMs: c.lroIntervalMs } : {},
    );
    await azureCall(`VM ${parseVmId(ctx.target.resource_id).name}`, () =>
      fleet.act('stop', [ctx.target.resource_id]),
    );
    return { changes: [`deallocated VM ${parseVmId(ctx.target.resource_id).name}`] };
  },

  async verify(ctx, c) {
    const state = await powerState(ctx, c);
    return { ok: DONE.has(state), observed: `VM power state is ${state}` };
  },
};
