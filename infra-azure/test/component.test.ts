import { beforeAll, describe, expect, it } from 'vitest';
import { SUBSCRIPTION } from './support/fixtures.js';
import { byName, mocks, only, type Recorded, TENANT_ID } from './support/mocks.js';
import { synthValidStack } from './support/synth.js';

const SUB = `/subscriptions/${SUBSCRIPTION}`;
const ROLE = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

describe('ExtendedRuntime (Azure): resources, storage and access', () => {
  let resources: Recorded[];
  beforeAll(async () => {
    resources = await synthValidStack();
  });

  it('declares exactly these resources', () => {
    expect(resources.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      'azure-native:authorization:RoleAssignment escher-events-deadletter',
      'azure-native:authorization:RoleAssignment escher-runner-remediations',
      'azure-native:authorization:RoleAssignment escher-runner-secrets',
      'azure-native:authorization:RoleAssignment escher-runner-state',
      'azure-native:authorization:RoleAssignment escher-scheduler-assign-runner',
      'azure-native:authorization:RoleAssignment escher-scheduler-deadletter',
      'azure-native:authorization:RoleAssignment escher-scheduler-groups',
      'azure-native:authorization:RoleDefinition escher-runner-role',
      'azure-native:authorization:RoleDefinition escher-scheduler-role',
      'azure-native:eventgrid:SystemTopic escher-resource-events',
      'azure-native:eventgrid:SystemTopicEventSubscription escher-resource-events-to-runner',
      'azure-native:keyvault:Vault escher-secrets',
      'azure-native:logic:Workflow escher-due',
      'azure-native:logic:Workflow escher-events',
      'azure-native:logic:Workflow escher-job-stop-dev-vms',
      'azure-native:logic:Workflow escher-report',
      'azure-native:managedidentity:UserAssignedIdentity escher-runner',
      'azure-native:managedidentity:UserAssignedIdentity escher-scheduler',
      'azure-native:monitor:ActionGroup escher-alerts',
      'azure-native:resources:ResourceGroup escher-rg',
      'azure-native:storage:BlobContainer escher-audit',
      'azure-native:storage:BlobContainer escher-deadletter',
      'azure-native:storage:BlobContainer escher-state',
      'azure-native:storage:BlobContainerImmutabilityPolicy escher-audit-retention',
      'azure-native:storage:BlobServiceProperties escher-blob-service',
      'azure-native:storage:StorageAccount escher-state',
      'escher:azure:ExtendedRuntime escher',
    ]);
  });

  it('starts the runner with the due trigger every 15 minutes (UTC), for job runs a snooze delayed', () => {
    const due = byName(resources, 'escher-due').inputs.definition;
    const { frequency, timeZone, schedule } = due.triggers.Schedule.recurrence;
    expect([frequency, timeZone, schedule.minutes, schedule.hours.length]).toEqual([
      'Day',
      'UTC',
      [0, 15, 30, 45],
      24,
    ]);
    const env = due.actions.Start_runner.inputs.body.properties.containers[0].properties.environmentVariables;
    expect(env.find((e: { name: string }) => e.name === 'ESCHER_TRIGGER')?.value).toBe('{"kind":"due"}');
  });

  it('keeps the state account private: no public blobs, no shared keys, TLS 1.2, HTTPS only', () => {
    const account = resources.find((r) => r.type === 'azure-native:storage:StorageAccount');
    expect(account?.inputs).toEqual({
      accountName: 'escherstad5d146f',
      resourceGroupName: 'escher-prod',
      location: 'westeurope',
      kind: 'StorageV2',
      sku: { name: 'Standard_ZRS' },
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: false,
      enableHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
    });
    for (const container of only(resources, 'azure-native:storage:BlobContainer')) {
      expect(container.inputs.publicAccess).toBe('None');
    }
  });

  it('versions blobs, soft-deletes them for 30 days and keeps audit blobs immutable for the audit retention', () => {
    expect(byName(resources, 'escher-blob-service').inputs).toMatchObject({
      isVersioningEnabled: true,
      deleteRetentionPolicy: { enabled: true, days: 30 },
      containerDeleteRetentionPolicy: { enabled: true, days: 30 },
    });
    expect(byName(resources, 'escher-audit-retention').inputs).toEqual({
      accountName: 'escherstad5d146f',
      resourceGroupName: 'escher-prod',
      containerName: 'audit',
      immutabilityPolicyName: 'default',
      immutabilityPeriodSinceCreationInDays: 400,
      allowProtectedAppendWrites: true,
    });
  });

  it('creates a Key Vault with RBAC authorisation, purge protection and soft delete', () => {
    expect(byName(resources, 'escher-secrets').inputs.properties).toMatchObject({
      tenantId: TENANT_ID,
      enableRbacAuthorization: true,
      enablePurgeProtection: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      publicNetworkAccess: 'Enabled',
    });
  });

  it('grants each identity exactly its scopes: runner state, vault and custom role; scheduler groups and dead letters', () => {
    const grants = only(resources, 'azure-native:authorization:RoleAssignment').map((r) => [
      r.name,
      r.inputs.principalId,
      r.inputs.roleDefinitionId,
      r.inputs.scope,
    ]);
    expect(grants.sort()).toEqual([
      [
        'escher-events-deadletter',
        'escher-resource-events-principal',
        ROLE('ba92f5b4-2d11-453d-a403-e96b0029c9fe'),
        '/mock/escher-deadletter',
      ],
      ['escher-runner-remediations', 'escher-runner-principal', '/mock/escher-runner-role', SUB],
      [
        'escher-runner-secrets',
        'escher-runner-principal',
        ROLE('4633458b-17de-408a-b874-0445c86b69e6'),
        '/mock/escher-secrets',
      ],
      [
        'escher-runner-state',
        'escher-runner-principal',
        ROLE('ba92f5b4-2d11-453d-a403-e96b0029c9fe'),
        '/mock/escher-state',
      ],
      [
        'escher-scheduler-assign-runner',
        'escher-scheduler-principal',
        ROLE('f1a07417-d97a-45cb-824c-7a7467783830'),
        '/mock/escher-runner',
      ],
      [
        'escher-scheduler-deadletter',
        'escher-scheduler-principal',
        ROLE('ba92f5b4-2d11-453d-a403-e96b0029c9fe'),
        '/mock/escher-deadletter',
      ],
      [
        'escher-scheduler-groups',
        'escher-scheduler-principal',
        '/mock/escher-scheduler-role',
        '/mock/escher-rg',
      ],
    ]);
  });

  it('puts only the enabled Azure remediations, job actions and report reads in the runner role', () => {
    expect(byName(resources, 'escher-runner-role').inputs).toMatchObject({
      scope: SUB,
      assignableScopes: [SUB],
      permissions: [
        {
          actions: [
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
          ],
          notActions: [],
        },
      ],
    });
  });

  it('lets the scheduler manage container groups in the stack resource group only', () => {
    expect(byName(resources, 'escher-scheduler-role').inputs).toMatchObject({
      scope: '/mock/escher-rg',
      assignableScopes: ['/mock/escher-rg'],
      permissions: [
        {
          actions: [
            'Microsoft.ContainerInstance/containerGroups/read',
            'Microsoft.ContainerInstance/containerGroups/write',
            'Microsoft.ContainerInstance/containerGroups/delete',
          ],
        },
      ],
    });
  });
});

describe('the call mock', () => {
  it('fails on a provider function the stack is not known to call', () => {
    expect(() =>
      mocks.call({ token: 'azure-native:storage:listStorageAccountKeys', inputs: {}, provider: '' }),
    ).toThrow('unexpected provider call azure-native:storage:listStorageAccountKeys');
  });
});
