// Azure operational health facts: VMs whose instance view reports a failed provisioning
// or an error status, VMs powered off without being deallocated, snapshots that failed,
// and resource group template deployments that failed in the last 24 hours.

import type { VirtualMachine } from '@azure/arm-compute';
import { ConfigError } from '../../errors.js';
import { mapLimited } from '../../jobs/limit.js';
import { listAll, powerState, snapshots, virtualMachines } from './azure-inventory.js';
import type { Collector } from './collector.js';
import type { HealthFact } from './observations.js';

const DAY_MS = 86_400_000;

function vmFacts(vm: VirtualMachine): HealthFact[] {
  const base = { resource_id: vm.id ?? '', name: vm.name ?? '', region: vm.location };
  const statuses = vm.instanceView?.statuses ?? [];
  const failed = statuses.find(
    (s) => s.code?.toLowerCase().startsWith('provisioningstate/failed') || s.level === 'Error',
  );
  if (failed) {
    return [
      {
        ...base,
        kind: 'failed_deployment',
        detail: `provisioning failed: ${failed.message ?? failed.displayStatus ?? failed.code}`,
      },
    ];
  }
  // Stopping through the API or portal deallocates; a VM only "stopped" was shut down from the guest or the platform, and is still billed.
  if (powerState(vm) === 'stopped') {
    return [
      {
        ...base,
        kind: 'stopped_service',
        severity: 'MEDIUM',
        detail: 'stopped but not deallocated (still billed; the VM API does not say who stopped it)',
      },
    ];
  }
  return [];
}

export const azureHealth: Collector = {
  name: 'azure.health',
  cloud: 'azure',
  section: 'health',
  async collect(scope, ctx) {
    if (!ctx.azure) throw new ConfigError('no Azure credentials configured');
    const compute = ctx.azure.compute(scope.account);
    const deployments = ctx.azure.deployments(scope.account);
    const [vms, snaps, groups] = await Promise.all([
      virtualMachines(compute),
      snapshots(compute),
      listAll(ctx.azure.resources(scope.account).resourceGroups.list()),
    ]);
    const facts: HealthFact[] = vms.flatMap(vmFacts);
    for (const s of snaps.filter((x) => x.provisioningState === 'Failed')) {
      const source = s.creationData?.sourceResourceId?.split('/').pop();
      facts.push({
        kind: 'failed_backup',
        resource_id: s.id ?? '',
        name: s.name ?? '',
        region: s.location,
        detail: `snapshot of ${source ?? 'a disk'} failed`,
      });
    }
    const since = ctx.now.getTime() - DAY_MS;
    const failed = await mapLimited(groups, 4, (g) =>
      listAll(
        deployments.deployments.listByResourceGroup(g.name ?? '', {
          filter: "provisioningState eq 'Failed'",
        }),
      ),
    );
    for (const d of failed.flat()) {
      const at = d.properties?.timestamp;
      if (d.properties?.provisioningState !== 'Failed' || (at && at.getTime() < since)) continue;
      const error = d.properties.error;
      facts.push({
        kind: 'failed_deployment',
        resource_id: d.id ?? '',
        name: d.name ?? '',
        region: d.location ?? scope.region,
        detail: `deployment failed${error ? `: ${error.code}${error.message ? ` ${error.message}` : ''}` : ''}`,
      });
    }
    return { section: 'health', facts };
  },
};
