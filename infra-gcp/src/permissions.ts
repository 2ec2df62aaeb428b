// The runner's GCP permissions: exactly the enabled catalog entries, the permissions the
// configured jobs need, and the reads behind the morning report. One custom role holds them.

import {
  configuredJobPermissions,
  type ExtensionConfig,
  enabledCatalogPermissions,
  type JobPermissionTable,
} from '@escher/shared';

export const REPORT_READ_PERMISSIONS: readonly string[] = [
  'resourcemanager.projects.get',
  'compute.instances.list',
  'compute.instances.get',
  'compute.disks.list',
  'compute.snapshots.list',
  'compute.firewalls.list',
  'compute.firewalls.get',
  'storage.buckets.list',
  'storage.buckets.get',
  'storage.buckets.getIamPolicy',
  'monitoring.timeSeries.list',
];

const VM_BASE = ['compute.instances.list', 'compute.instances.get', 'compute.zoneOperations.get'];

/** Scheduled-job permissions for what ACTION_SUPPORT allows on GCP (hibernate = suspend). */
export const JOB_PERMISSIONS: JobPermissionTable = {
  compute_instance: {
    stop: [...VM_BASE, 'compute.instances.stop'],
    start: [...VM_BASE, 'compute.instances.start'],
    hibernate: [...VM_BASE, 'compute.instances.suspend'],
  },
};

export function remediationPermissions(config: Pick<ExtensionConfig, 'remediations'>): string[] {
  return enabledCatalogPermissions('gcp', config);
}

export function jobPermissions(config: Pick<ExtensionConfig, 'jobs'>): string[] {
  return configuredJobPermissions('gcp', JOB_PERMISSIONS, config);
}

/** Sorted and de-duplicated, so the role is stable across deploys. */
export function runnerRolePermissions(config: Pick<ExtensionConfig, 'remediations' | 'jobs'>): string[] {
  return [
    ...new Set([...REPORT_READ_PERMISSIONS, ...remediationPermissions(config), ...jobPermissions(config)]),
  ].sort();
}
