import {
  ACTION_SUPPORT,
  type JobResourceType,
  type JobSpecInput,
  parseExtensionConfig,
} from '@escher/shared';
import { describe, expect, it } from 'vitest';
import {
  JOB_ACTIONS,
  jobActions,
  REPORT_READ_ACTIONS,
  remediationActions,
  runnerRoleActions,
} from '../src/permissions.js';
import { STOP_DEV_VMS, VALID, withOverrides } from './support/fixtures.js';

describe('runner role actions', () => {
  it('grants only the Azure catalog entries the user enabled', () => {
    const config = parseExtensionConfig(
      withOverrides({ remediations: ['azure.compute.deallocate_vm', 'gcp.compute.stop_instance'] }),
    );
    expect(remediationActions(config)).toEqual([
      'Microsoft.Compute/virtualMachines/read',
      'Microsoft.Compute/virtualMachines/deallocate/action',
    ]);
  });

  it('lets the storage entry set container access levels through the Blob service', () => {
    const config = parseExtensionConfig(
      withOverrides({ remediations: ['azure.storage.disallow_public_access'] }),
    );
    expect(remediationActions(config)).toEqual([
      'Microsoft.Storage/storageAccounts/read',
      'Microsoft.Storage/storageAccounts/write',
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      'Microsoft.Storage/storageAccounts/blobServices/containers/write',
      'Microsoft.Storage/storageAccounts/blobServices/containers/setAcl/action',
    ]);
  });

  it('grants nothing beyond the report reads when no remediation or Azure job is configured', () => {
    const config = parseExtensionConfig(withOverrides({ remediations: [], jobs: [] }));
    expect(runnerRoleActions(config)).toEqual([...REPORT_READ_ACTIONS].sort());
  });

  it('adds the actions of Azure jobs, sorted and without duplicates', () => {
    const config = parseExtensionConfig(VALID);
    expect(runnerRoleActions(config)).toEqual([
      'Microsoft.Compute/disks/read',
      'Microsoft.Compute/snapshots/read',
      'Microsoft.Compute/virtualMachines/deallocate/action',
      'Microsoft.Compute/virtualMachines/instanceView/read',
      'Microsoft.Compute/virtualMachines/read',
      'Microsoft.CostManagement/query/action',
      'Microsoft.Insights/metrics/read',
      'Microsoft.Network/networkSecurityGroups/read',
      'Microsoft.Resources/deployments/read',
      'Microsoft.Resources/subscriptions/read',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      'Microsoft.Storage/storageAccounts/read',
    ]);
  });

  it('ignores jobs that do not select Azure', () => {
    const job: JobSpecInput = {
      name: 'aws-only',
      schedule: { cron: '0 20 * * *', timezone: 'UTC' },
      action: 'stop',
      selector: { resource_types: ['database_instance'], clouds: ['aws'], tags: 'env=dev' },
    };
    const config = parseExtensionConfig(withOverrides({ remediations: [], jobs: [job] }));
    expect(runnerRoleActions(config)).toEqual([...REPORT_READ_ACTIONS].sort());
  });

  it('deallocates for a "stop" job, since a stopped Azure VM keeps billing', () => {
    const config = parseExtensionConfig(withOverrides({ jobs: [{ ...STOP_DEV_VMS, action: 'stop' }] }));
    expect(jobActions(config)).toEqual([
      'Microsoft.Compute/virtualMachines/read',
      'Microsoft.Compute/virtualMachines/deallocate/action',
    ]);
  });

  it('has actions for every resource type and action the runner supports on Azure', () => {
    for (const [type, clouds] of Object.entries(ACTION_SUPPORT)) {
      for (const action of clouds.azure ?? []) {
        expect(JOB_ACTIONS[type as JobResourceType]?.[action], `${type} ${action}`).toBeDefined();
      }
    }
  });
});
