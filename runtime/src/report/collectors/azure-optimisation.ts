// Azure optimisation facts: VMs with their daily CPU from Azure Monitor, managed disks
// (unattached when diskState is "Unattached") and snapshots with their source disk.

import { ConfigError } from '../../errors.js';
import {
  diskFact,
  disks,
  environmentTag,
  powerState,
  snapshotFact,
  snapshots,
  virtualMachines,
} from './azure-inventory.js';
import { azureDailyCpu } from './azure-metrics.js';
import type { Collector } from './collector.js';
import { rightsizeWindow } from './metric-window.js';
import type { InstanceFact } from './observations.js';

export const azureOptimisation: Collector = {
  name: 'azure.optimisation',
  cloud: 'azure',
  section: 'optimisation',
  async collect(scope, ctx) {
    if (!ctx.azure) throw new ConfigError('no Azure credentials configured');
    const compute = ctx.azure.compute(scope.account);
    const [vms, diskList, snapList] = await Promise.all([
      virtualMachines(compute),
      disks(compute),
      snapshots(compute),
    ]);
    const running = vms
      .filter((vm) => powerState(vm) === 'running')
      .map((vm) => ({ id: vm.id ?? '', region: vm.location }));
    const cpu = await azureDailyCpu(ctx.azure, running, rightsizeWindow(ctx), ctx.metricCalls);
    const instances: InstanceFact[] = vms.map((vm) => {
      const environment = environmentTag(vm.tags);
      const createdBy = vm.tags?.['created-by'];
      return {
        id: vm.id ?? '',
        name: vm.name ?? '',
        region: vm.location,
        size: vm.hardwareProfile?.vmSize ?? 'unknown',
        state: powerState(vm),
        cpu_daily: cpu.get(vm.id ?? '') ?? [],
        ...(environment ? { environment } : {}),
        ...(vm.timeCreated ? { created_at: vm.timeCreated.toISOString() } : {}),
        ...(createdBy ? { created_by: createdBy } : {}),
      };
    });
    const volumes = diskList.map(diskFact);
    return {
      section: 'optimisation',
      instances,
      volumes,
      snapshots: snapList.map(snapshotFact),
      volume_ids: volumes.map((v) => v.id.toLowerCase()),
    };
  },
};
