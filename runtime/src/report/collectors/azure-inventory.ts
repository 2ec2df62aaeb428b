// Azure compute inventory shared by the security, optimisation and health collectors:
// VMs with their instance view (one paged statusOnly list per subscription), managed
// disks and snapshots. Resource ids are compared lower-cased: ARM treats them so.

import type { ComputeManagementClient, Disk, Snapshot, VirtualMachine } from '@azure/arm-compute';
import type { SnapshotFact, VolumeFact } from './observations.js';

export async function listAll<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of pages) all.push(item);
  return all;
}

/** The resource group segment of an ARM resource id. */
export function resourceGroupOf(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
}

export const environmentTag = (tags: Record<string, string> | undefined) =>
  tags?.environment ?? tags?.Environment;

/** "running", "deallocated"... from the instance view, or "unknown". */
export function powerState(vm: VirtualMachine): string {
  const code = vm.instanceView?.statuses?.find((s) => s.code?.startsWith('PowerState/'))?.code;
  return code ? code.slice('PowerState/'.length) : 'unknown';
}

export const virtualMachines = (compute: ComputeManagementClient): Promise<VirtualMachine[]> =>
  listAll(compute.virtualMachines.listAll({ statusOnly: 'true' }));

/**
 * Managed disks as volume facts. Azure encrypts every managed disk at rest (server-side
 * encryption with platform or customer keys, not switchable off), so none is unencrypted.
 */
export function diskFact(d: Disk): VolumeFact {
  const environment = environmentTag(d.tags);
  return {
    id: d.id ?? '',
    name: d.name ?? '',
    region: d.location,
    size_gb: d.diskSizeGB ?? 0,
    encrypted: true,
    attached: d.diskState !== 'Unattached',
    volume_type: d.sku?.name ?? 'Standard_LRS',
    ...(environment ? { environment } : {}),
  };
}

export const disks = (compute: ComputeManagementClient): Promise<Disk[]> => listAll(compute.disks.list());

export const snapshots = (compute: ComputeManagementClient): Promise<Snapshot[]> =>
  listAll(compute.snapshots.list());

export function snapshotFact(s: Snapshot): SnapshotFact {
  const source = s.creationData?.sourceResourceId;
  return {
    id: s.id ?? '',
    region: s.location,
    size_gb: s.diskSizeGB ?? 0,
    created_at: (s.timeCreated ?? new Date(0)).toISOString(),
    ...(source ? { source_volume: source.toLowerCase() } : {}),
  };
}
