import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ExtendedRuntime } from '../src/component.js';
import { parseAzureStackConfig } from '../src/config.js';
import { SUBSCRIPTION, VALID } from './support/fixtures.js';
import { byName, CALLBACK_URL, mocks, only, type Recorded, record, TENANT_ID } from './support/mocks.js';

const SUB = `/subscriptions/${SUBSCRIPTION}`;
const ROLE = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
/** Pulumi's marker for a secret value in serialized inputs. */
const SECRET_SIG = '4dabf18193072939515e22adb298388d';

const CANARY = 'canary-7f3a9c';

/** Every string in a value outside Pulumi secret wrappers. */
function plainStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object') return [];
  if (SECRET_SIG in value) return [];
  return Object.values(value).flatMap(plainStrings);
}

describe('ExtendedRuntime (Azure)', () => {
  let resources: Recorded[];
  beforeAll(async () => {
    // Credentials a deploying shell may hold; none may end up in a resource input.
    vi.stubEnv('AZURE_CLIENT_SECRET', CANARY);
    vi.stubEnv('ESCHER_AI_TOKEN', CANARY);
    resources = await record(() => new ExtendedRuntime('escher', parseAzureStackConfig(VALID)));
    vi.unstubAllEnvs();
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
            'Microsoft.Compute/virtualMachines/deallocate/action',
            'Microsoft.Compute/virtualMachines/instanceView/read',
            'Microsoft.Compute/virtualMachines/read',
            'Microsoft.CostManagement/query/action',
            'Microsoft.Insights/metrics/read',
            'Microsoft.Network/networkSecurityGroups/read',
            'Microsoft.Resources/subscriptions/read',
            'Microsoft.Resources/subscriptions/resourceGroups/read',
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

  it('schedules the job and the report in their own time zones with the scheduler identity', () => {
    const job = byName(resources, 'escher-job-stop-dev-vms').inputs;
    expect(job.identity).toEqual({
      type: 'UserAssigned',
      userAssignedIdentities: ['/mock/escher-scheduler'],
    });
    expect(job.definition.triggers.Schedule.recurrence).toEqual({
      frequency: 'Week',
      interval: 1,
      startTime: '2024-01-01T00:00:00',
      timeZone: 'W. Europe Standard Time',
      schedule: {
        minutes: [0],
        hours: [20],
        weekDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
      },
    });
    const report = byName(resources, 'escher-report').inputs.definition.triggers.Schedule.recurrence;
    expect([report.frequency, report.timeZone, report.schedule]).toEqual([
      'Day',
      'Eastern Standard Time',
      { minutes: [0], hours: [2] },
    ]);
  });

  it('passes the job trigger and the runner settings to the container, and no secret', () => {
    const body = byName(resources, 'escher-job-stop-dev-vms').inputs.definition.actions.Start_runner.inputs
      .body;
    expect(body.identity).toEqual({
      type: 'UserAssigned',
      userAssignedIdentities: { '/mock/escher-runner': {} },
    });
    expect(body.properties.restartPolicy).toBe('Never');
    const keep = byName(resources, 'escher-job-stop-dev-vms').inputs.definition.actions.After_run.else.actions
      .Keep_trigger;
    expect(keep.inputs.uri).toBe(
      'https://escherstad5d146f.blob.core.windows.net/deadletter/logicapps/@{workflow().name}/@{workflow().run.name}.json',
    );
    expect(body.properties.ipAddress).toBeUndefined();
    const env = Object.fromEntries(
      body.properties.containers[0].properties.environmentVariables.map(
        (e: { name: string; value: string }) => [e.name, e.value],
      ),
    );
    expect(env).toEqual({
      ESCHER_STORE: 'az://escherstad5d146f/state/state',
      ESCHER_SECRETS: 'keyvault://escher-kv-ad5d146',
      ESCHER_CONFIG: JSON.stringify(parseAzureStackConfig(VALID).extension),
      AZURE_CLIENT_ID: 'escher-runner-client',
      ESCHER_AI_URL: 'https://ai.escher.example/v1',
      ESCHER_TRIGGER: '{"kind":"job","job":"stop-dev-vms","scheduled_for":"@{trigger().scheduledTime}"}',
    });
    expect(
      body.properties.containers[0].properties.environmentVariables.every(
        (e: object) => !('secureValue' in e),
      ),
    ).toBe(true);
  });

  it('routes subscription resource events to the event workflow, one per delivery, with dead letters kept', () => {
    expect(byName(resources, 'escher-resource-events').inputs).toEqual({
      systemTopicName: 'escher-resource-events',
      resourceGroupName: 'escher-prod',
      location: 'global',
      source: SUB,
      topicType: 'Microsoft.Resources.Subscriptions',
      identity: { type: 'SystemAssigned' },
    });
    const subscription = byName(resources, 'escher-resource-events-to-runner').inputs;
    expect(subscription.destination).toEqual({
      [SECRET_SIG]: '1b47061264138c4ac30d75fd1eb44270',
      value: { endpointType: 'WebHook', endpointUrl: CALLBACK_URL, maxEventsPerBatch: 1 },
    });
    expect(subscription.filter).toEqual({
      includedEventTypes: [
        'Microsoft.Resources.ResourceWriteSuccess',
        'Microsoft.Resources.ResourceDeleteSuccess',
        'Microsoft.Resources.ResourceActionSuccess',
      ],
      isSubjectCaseSensitive: false,
    });
    expect(subscription.deadLetterWithResourceIdentity).toEqual({
      identity: { type: 'SystemAssigned' },
      deadLetterDestination: {
        endpointType: 'StorageBlob',
        resourceId: '/mock/escher-state',
        blobContainerName: 'deadletter',
      },
    });
  });

  it('feeds Azure Monitor alerts to the same workflow in the common alert schema, with the URL kept secret', () => {
    const group = byName(resources, 'escher-alerts').inputs;
    expect(group.logicAppReceivers).toEqual({
      [SECRET_SIG]: '1b47061264138c4ac30d75fd1eb44270',
      value: [
        {
          name: 'escher-runner',
          resourceId: '/mock/escher-events',
          callbackUrl: CALLBACK_URL,
          useCommonAlertSchema: true,
        },
      ],
    });
  });

  it('never puts a secret value in a plain input, nor a credential from the deploying shell', () => {
    const strings = resources.flatMap((r) => plainStrings(r.inputs));
    expect(strings.filter((s) => s.includes('sig=') || s.includes(CANARY))).toEqual([]);
    expect(resources.some((r) => r.type === 'azure-native:keyvault:Secret')).toBe(false);
  });
});

describe('the call mock', () => {
  it('fails on a provider function the stack is not known to call', () => {
    expect(() =>
      mocks.call({ token: 'azure-native:storage:listStorageAccountKeys', inputs: {}, provider: '' }),
    ).toThrow('unexpected provider call azure-native:storage:listStorageAccountKeys');
  });
});
