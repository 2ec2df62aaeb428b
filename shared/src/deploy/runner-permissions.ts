// What the runner identity may do on one cloud, from the deployment config: the enabled
// catalog entries' permissions and those the configured jobs need. Each stack supplies its
// own per-job table and report reads; the selection rules live here so the clouds agree.

import { type CloudProvider, REMEDIATION_CATALOG } from '../catalog/catalog.js';
import { type JobResourceType, supportsAction } from '../jobs/action-support.js';
import type { JobAction } from '../jobs/job-spec.js';
import type { ExtensionConfig } from './extension-config.js';

/** Per resource type and job action, the cloud permissions that job needs. */
export type JobPermissionTable = Partial<
  Record<JobResourceType, Partial<Record<JobAction, readonly string[]>>>
>;

/** Permissions of the catalog entries for `cloud` the user enabled; nothing for the rest. */
export function enabledCatalogPermissions(
  cloud: CloudProvider,
  config: Pick<ExtensionConfig, 'remediations'>,
): string[] {
  return REMEDIATION_CATALOG.filter((e) => e.cloud === cloud && config.remediations.includes(e.id)).flatMap(
    (e) => e.permissions,
  );
}

/** Permissions the configured jobs need on `cloud`, for the resource types that support the action. */
export function configuredJobPermissions(
  cloud: CloudProvider,
  table: JobPermissionTable,
  config: Pick<ExtensionConfig, 'jobs'>,
): string[] {
  return config.jobs
    .filter((job) => job.selector.clouds.includes(cloud))
    .flatMap((job) =>
      job.selector.resource_types
        .filter((type) => supportsAction(type, cloud, job.action))
        .flatMap((type) => table[type]?.[job.action] ?? []),
    );
}
