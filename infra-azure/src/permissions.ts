// The runner identity's Azure actions: exactly the enabled catalog entries, the actions
// the configured jobs need, and the reads the morning report needs. Nothing is granted
// for an entry the user did not enable.

import {
  configuredJobPermissions,
  type ExtensionConfig,
  enabledCatalogPermissions,
  type JobPermissionTable,
} from '@escher/shared';

/** Reads behind inventory, findings and the cost section of the report. */
export const REPORT_READ_ACTIONS: readonly string[] = [
  'Microsoft.Resources/subscriptions/read',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
  'Microsoft.Resources/deployments/read',
  'Microsoft.Compute/virtualMachines/read',
  'Microsoft.Compute/virtualMachines/instanceView/read',
  'Microsoft.Compute/disks/read',
  'Microsoft.Compute/snapshots/read',
  'Microsoft.Network/networkSecurityGroups/read',
  'Microsoft.Storage/storageAccounts/read',
  'Microsoft.Storage/storageAccounts/blobServices/containers/read',
  'Microsoft.Insights/metrics/read',
  'Microsoft.CostManagement/query/action',
];

const VM = 'Microsoft.Compute/virtualMachines';

/**
 * Scheduled-job actions for what ACTION_SUPPORT allows on Azure. Azure "stop" deallocates
 * (a powered-off VM keeps billing) and hibernation is a deallocate with a flag.
 */
export const JOB_ACTIONS: JobPermissionTable = {
  compute_instance: {
    stop: [`${VM}/read`, `${VM}/deallocate/action`],
    start: [`${VM}/read`, `${VM}/start/action`],
    deallocate: [`${VM}/read`, `${VM}/deallocate/action`],
    hibernate: [`${VM}/read`, `${VM}/deallocate/action`],
  },
};

export function remediationActions(config: Pick<ExtensionConfig, 'remediations'>): string[] {
  return enabledCatalogPermissions('azure', config);
}

export function jobActions(config: Pick<ExtensionConfig, 'jobs'>): string[] {
  return configuredJobPermissions('azure', JOB_ACTIONS, config);
}

/** Sorted and de-duplicated, so the role definition is stable across deploys. */
export function runnerRoleActions(config: Pick<ExtensionConfig, 'remediations' | 'jobs'>): string[] {
  return [...new Set([...REPORT_READ_ACTIONS, ...remediationActions(config), ...jobActions(config)])].sort();
}

/** What the Logic Apps identity needs to run a runner container group, and no more. */
export const SCHEDULER_ROLE_ACTIONS: readonly string[] = [
  'Microsoft.ContainerInstance/containerGroups/read',
  'Microsoft.ContainerInstance/containerGroups/write',
  'Microsoft.ContainerInstance/containerGroups/delete',
];
