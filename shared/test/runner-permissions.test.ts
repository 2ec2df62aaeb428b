import { describe, expect, it } from 'vitest';
import {
  configuredJobPermissions,
  enabledCatalogPermissions,
  type JobPermissionTable,
} from '../src/deploy/runner-permissions.js';
import type { ExtensionConfig } from '../src/index.js';

// Only the fields the selection reads; the full job shape is specified in the JobSpec tests.
const withJobs = (...jobs: { action: string; clouds: string[]; resource_types: string[] }[]) =>
  ({
    jobs: jobs.map(({ action, ...selector }) => ({ action, selector })),
  }) as unknown as Pick<ExtensionConfig, 'jobs'>;

const TABLE: JobPermissionTable = {
  compute_instance: { stop: ['vm.read', 'vm.stop'], deallocate: ['vm.read', 'vm.deallocate'] },
  database_instance: { stop: ['db.stop'] },
};

describe('enabledCatalogPermissions', () => {
  it("grants the enabled entries of the named cloud only, none of another cloud's", () => {
    const config = { remediations: ['azure.compute.deallocate_vm', 'gcp.compute.stop_instance'] } as Pick<
      ExtensionConfig,
      'remediations'
    >;
    expect(enabledCatalogPermissions('azure', config)).toEqual([
      'Microsoft.Compute/virtualMachines/read',
      'Microsoft.Compute/virtualMachines/deallocate/action',
    ]);
    expect(enabledCatalogPermissions('aws', config)).toEqual([]);
  });
});

describe('configuredJobPermissions', () => {
  it('takes the table rows of jobs that select the cloud and an action it supports', () => {
    const config = withJobs(
      { action: 'stop', clouds: ['azure', 'aws'], resource_types: ['compute_instance', 'database_instance'] },
      { action: 'deallocate', clouds: ['gcp'], resource_types: ['compute_instance'] },
    );
    // database_instance has no Azure stop support, so its row is not granted on Azure.
    expect(configuredJobPermissions('azure', TABLE, config)).toEqual(['vm.read', 'vm.stop']);
    // GCP has no deallocate, so the second job grants nothing there.
    expect(configuredJobPermissions('gcp', TABLE, config)).toEqual([]);
  });
});
