// Which job actions each cloud supports for each normalised resource type. One table read
// by JobSpec validation (refuse what no selected cloud can do) and by the runner's planner.

import type { CloudProvider } from '../catalog/catalog.js';

export const JOB_ACTIONS = ['stop', 'start', 'deallocate', 'hibernate'] as const;
export type JobActionName = (typeof JOB_ACTIONS)[number];

export const JOB_RESOURCE_TYPES = ['compute_instance', 'database_instance'] as const;
export type JobResourceType = (typeof JOB_RESOURCE_TYPES)[number];

/**
 * Azure "stop" deallocates: a VM that is only powered off keeps its compute bill. GCP
 * "hibernate" is instances.suspend; AWS "hibernate" is StopInstances with Hibernate=true
 * (the instance must have been launched with hibernation enabled).
 */
export const ACTION_SUPPORT: Record<
  JobResourceType,
  Partial<Record<CloudProvider, readonly JobActionName[]>>
> = {
  compute_instance: {
    aws: ['stop', 'start', 'hibernate'],
    azure: ['stop', 'start', 'deallocate', 'hibernate'],
    gcp: ['stop', 'start', 'hibernate'],
  },
  database_instance: {
    aws: ['stop', 'start'],
  },
};

export function supportsAction(type: JobResourceType, cloud: CloudProvider, action: JobActionName): boolean {
  return ACTION_SUPPORT[type][cloud]?.includes(action) ?? false;
}
