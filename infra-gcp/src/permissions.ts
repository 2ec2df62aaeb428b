// The runner's GCP permissions: exactly the enabled catalog entries, the permissions the
// configured jobs need, and the reads behind the morning report. One custom role holds them.

import {
  type ExtensionConfig,
  type JobAction,
  type JobResourceType,
  REMEDIATION_CATALOG,
  supportsAction,
} from '@escher/shared';

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

const VM_BASE = ['compute.instances.list', 'compute.instances.get', 'compute.zoneOperations.get'];

/** Scheduled-job permissions for what ACTION_SUPPORT allows on GCP (hibernate = suspend). */
export const JOB_PERMISSIONS: Partial<
  Record<JobResourceType, Partial<Record<JobAction, readonly string[]>>>
> = {
  compute_instance: {
    stop: [...VM_BASE, 'compute.instances.stop'],
    start: [...VM_BASE, 'compute.instances.start'],
    hibernate: [...VM_BASE, 'compute.instances.suspend'],
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
    .flatMap((job) =>
      job.selector.resource_types
        .filter((type) => supportsAction(type, 'gcp', job.action))
        .flatMap((type) => JOB_PERMISSIONS[type]?.[job.action] ?? []),
    );
}

/** Sorted and de-duplicated, so the role is stable across deploys. */
export function runnerRolePermissions(config: Pick<ExtensionConfig, 'remediations' | 'jobs'>): string[] {
  return [
    ...new Set([...REPORT_READ_PERMISSIONS, ...remediationPermissions(config), ...jobPermissions(config)]),
  ].sort();
}
