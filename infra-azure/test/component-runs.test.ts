import { beforeAll, describe, expect, it } from 'vitest';
import { parseAzureStackConfig } from '../src/config.js';
import { SUBSCRIPTION, VALID } from './support/fixtures.js';
import { byName, CALLBACK_URL, type Recorded } from './support/mocks.js';
import { CANARY, synthValidStack } from './support/synth.js';

const SUB = `/subscriptions/${SUBSCRIPTION}`;
/** Pulumi's marker for a secret value in serialized inputs. */
const SECRET_SIG = '4dabf18193072939515e22adb298388d';

/** Every string in a value outside Pulumi secret wrappers. */
function plainStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object') return [];
  if (SECRET_SIG in value) return [];
  return Object.values(value).flatMap(plainStrings);
}

describe('ExtendedRuntime (Azure): schedules, runs and event routes', () => {
  let resources: Recorded[];
  beforeAll(async () => {
    resources = await synthValidStack();
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
      ESCHER_AUDIT_STORE: 'az://escherstad5d146f/audit/audit',
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

  it('mirrors audit records from every run into the container under time-based retention', () => {
    const retained = byName(resources, 'escher-audit-retention').inputs;
    const expected = `az://${retained.accountName}/${retained.containerName}/audit`;
    expect(expected).toBe('az://escherstad5d146f/audit/audit');
    const runs = {
      job: byName(resources, 'escher-job-stop-dev-vms').inputs.definition.actions,
      report: byName(resources, 'escher-report').inputs.definition.actions,
      event: byName(resources, 'escher-events').inputs.definition.actions.Route.else.actions,
    };
    const auditStores = Object.entries(runs).map(([run, actions]) => [
      run,
      actions.Start_runner.inputs.body.properties.containers[0].properties.environmentVariables.find(
        (e: { name: string }) => e.name === 'ESCHER_AUDIT_STORE',
      )?.value,
    ]);
    expect(auditStores).toEqual([
      ['job', expected],
      ['report', expected],
      ['event', expected],
    ]);
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
