// Azure virtual machines behind the ComputeFleet interface. Power states come from one
// paged list per subscription (statusOnly), not a GET per VM; deallocate/start are
// long-running operations the SDK's poller follows (Azure-AsyncOperation, Location,
// Retry-After) to completion. "stop" deallocates: a powered-off VM is still billed.

import type { ComputeManagementClient, VirtualMachine } from '@azure/arm-compute';
import type { JobAction } from '@escher/shared';
import type { ComputeFleet, LiveResource, PowerState } from '../../jobs/fleet.js';
import { type PollOptions, pollUntilSettled } from '../poll.js';

const STATES: Record<string, PowerState> = {
  running: 'running',
  starting: 'pending',
  stopping: 'stopping',
  stopped: 'stopped',
  deallocating: 'deallocating',
  deallocated: 'deallocated',
};

/** resourceGroup and name from "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/name". */
export function parseVmId(id: string): { resourceGroup: string; name: string } {
  const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)$/i.exec(id);
  if (!m?.[1] || !m[2]) throw new Error(`not an Azure VM resource id: ${id}`);
  return { resourceGroup: m[1], name: m[2] };
}

export function azureLive(vm: VirtualMachine): LiveResource {
  const power = vm.instanceView?.statuses?.find((s) => s.code?.startsWith('PowerState/'));
  return {
    id: vm.id ?? '',
    state: STATES[power?.code?.slice('PowerState/'.length) ?? ''] ?? 'unknown',
    tags: { ...(vm.tags ?? {}) },
  };
}

export class AzureVmFleet implements ComputeFleet {
  readonly maxBatch = 1;
  readonly concurrency: number;

  constructor(
    private readonly compute: ComputeManagementClient,
    private readonly options: PollOptions & { concurrency?: number; lroIntervalMs?: number } = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
  }

  async describe(ids: readonly string[]): Promise<Map<string, LiveResource>> {
    const wanted = new Map(ids.map((id) => [id.toLowerCase(), id]));
    const found = new Map<string, LiveResource>(ids.map((id) => [id, { id, state: 'missing', tags: {} }]));
    for await (const vm of this.compute.virtualMachines.listAll({ statusOnly: 'true' })) {
      const id = wanted.get((vm.id ?? '').toLowerCase());
      if (id) found.set(id, { ...azureLive(vm), id });
    }
    return found;
  }

  async act(action: JobAction, ids: readonly string[]): Promise<void> {
    const interval =
      this.options.lroIntervalMs !== undefined ? { updateIntervalInMs: this.options.lroIntervalMs } : {};
    for (const id of ids) {
      const { resourceGroup, name } = parseVmId(id);
      if (action === 'start') await this.compute.virtualMachines.start(resourceGroup, name, interval);
      else
        await this.compute.virtualMachines.deallocate(resourceGroup, name, {
          ...interval,
          hibernate: action === 'hibernate',
        });
    }
  }

  waitFor(ids: readonly string[], wanted: readonly PowerState[]): Promise<Map<string, LiveResource>> {
    return pollUntilSettled((left) => this.describe(left), ids, wanted, this.options);
  }
}
