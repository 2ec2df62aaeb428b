// The runner's GCP permissions: exactly the enabled catalog entries, the permissions the
// configured jobs need, and the reads behind the morning report. One custom role holds them.

import { type ExtensionConfig, type JobAction, REMEDIATION_CATALOG, type Selector } from '@escher/shared';

export const REPORT_READ_PERMISSIONS: readonly string[] = [
  'resourcemanager.projects.get',
  'compute.instances.list',
  'compute.instances.get',
  'compute.firewalls.list',
  'compute.firewalls.get',
  'storage.buckets.list',
  'storage.buckets.get',
  'storage.buckets.getIamPolicy',
  'monitoring.timeSeries.list',
];

type ResourceType = Selector['resource_types'][number];

const VM_BASE = ['compute.instances.list', 'compute.instances.get', 'compute.zoneOperations.get'];
const SQL_BASE = ['cloudsql.instances.list', 'cloudsql.instances.get'];

/** Cloud SQL stops and starts by patching the activation policy, hence `update`. */
const JOB_PERMISSIONS: Record<ResourceType, Record<JobAction, readonly string[]>> = {
  compute_instance: {
    stop: [...VM_BASE, 'compute.instances.stop'],
    start: [...VM_BASE, 'compute.instances.start'],
    deallocate: [...VM_BASE, 'compute.instances.stop'],
    hibernate: [...VM_BASE, 'compute.instances.suspend'],
  },
  database_instance: {
    stop: [...SQL_BASE, 'cloudsql.instances.update'],
    start: [...SQL_BASE, 'cloudsql.instances.update'],
    deallocate: [...SQL_BASE, 'cloudsql.instances.update'],
    hibernate: [...SQL_BASE, 'cloudsql.instances.update'],
  },
};

export function remediationPermissions(config: Pick<ExtensionConfig, 'remediations'>): string[] {
  return REMEDIATION_CATALOG.filter((e) => e.cloud === 'gcp' && config.remediations.includes(e.id)).flatMap(
    (e) => e.permissions,
  );
}

export function jobPermissions(config: Pick<ExtensionConfig, 'jobs'>): string[] {
  return config.jobs
    .filter((job) => job.selector.clouds.includes('gcp'))
    .flatMap((job) => job.selector.resource_types.flatMap((type) => JOB_PERMISSIONS[type][job.action]));
}

/** Sorted and de-duplicated, so the role is stable across deploys. */
export function runnerRolePermissions(config: Pick<ExtensionConfig, 'remediations' | 'jobs'>): string[] {
  return [
    ...new Set([...REPORT_READ_PERMISSIONS, ...remediationPermissions(config), ...jobPermissions(config)]),
  ].sort();
}
