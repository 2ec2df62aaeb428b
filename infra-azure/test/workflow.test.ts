import { describe, expect, it } from 'vitest';
import { toRecurrence } from '../src/recurrence.js';
import { EVENT_TRIGGER_VALUE, jobTriggerValue } from '../src/triggers.js';
import {
  containerGroupBody,
  eventWorkflow,
  type RunnerSpec,
  runnerActions,
  scheduledWorkflow,
} from '../src/workflow.js';

const SPEC: RunnerSpec = {
  subscriptionId: 'sub',
  resourceGroup: 'rg',
  location: 'westeurope',
  groupPrefix: 'escher-job',
  image: 'ghcr.io/acme/escher-runner:1.4.0',
  cpu: 1,
  memoryGb: 2,
  runnerIdentityId: '/ids/runner',
  schedulerIdentityId: '/ids/scheduler',
  deadLetterUrl: 'https://acct.blob.core.windows.net/deadletter',
  env: { ESCHER_STORE: 'az://acct/state/state' },
};
const GROUP_URI =
  'https://management.azure.com/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerInstance/containerGroups/escher-job-@{workflow().run.name}?api-version=2023-05-01';
const AUTH = {
  type: 'ManagedServiceIdentity',
  identity: '/ids/scheduler',
  audience: 'https://management.azure.com/',
};

describe('containerGroupBody', () => {
  it('runs the runner once in task mode, as the runner identity, with the trigger and without any IP address', () => {
    expect(containerGroupBody(SPEC, jobTriggerValue('stop-dev-vms'), 'job:stop-dev-vms')).toEqual({
      location: 'westeurope',
      tags: { 'escher-trigger': 'job:stop-dev-vms' },
      identity: { type: 'UserAssigned', userAssignedIdentities: { '/ids/runner': {} } },
      properties: {
        osType: 'Linux',
        restartPolicy: 'Never',
        sku: 'Standard',
        containers: [
          {
            name: 'runner',
            properties: {
              image: 'ghcr.io/acme/escher-runner:1.4.0',
              command: ['node', 'runtime/bin/escher.js', 'task'],
              resources: { requests: { cpu: 1, memoryInGB: 2 } },
              environmentVariables: [
                { name: 'ESCHER_STORE', value: 'az://acct/state/state' },
                {
                  name: 'ESCHER_TRIGGER',
                  value: '{"kind":"job","job":"stop-dev-vms","scheduled_for":"@{trigger().scheduledTime}"}',
                },
              ],
            },
          },
        ],
      },
    });
  });
});

describe('containerGroupBody with an Azure Container Registry image', () => {
  it('pulls the image as the runner identity', () => {
    const body = containerGroupBody(
      { ...SPEC, image: 'acme.azurecr.io/escher/runner:1.4.0' },
      '{"kind":"report"}',
      'report',
    );
    expect((body.properties as Record<string, unknown>).imageRegistryCredentials).toEqual([
      { server: 'acme.azurecr.io', identity: '/ids/runner' },
    ]);
  });
});

describe('runnerActions', () => {
  const actions = runnerActions(SPEC, '{"kind":"report"}', 'report') as Record<
    string,
    Record<string, unknown>
  >;

  it('creates the run group through ARM with the scheduler identity', () => {
    expect(actions.Start_runner?.inputs).toMatchObject({
      method: 'PUT',
      uri: GROUP_URI,
      authentication: AUTH,
    });
  });

  it('waits for the runner to exit, polling the group state', () => {
    expect(actions.Wait_for_exit).toMatchObject({ type: 'Until', limit: { count: 480, timeout: 'PT4H' } });
    expect(actions.Wait_for_exit?.expression).toBe(
      "@or(equals(body('Read_runner_state')?['properties']?['instanceView']?['state'], 'Succeeded'), " +
        "equals(body('Read_runner_state')?['properties']?['instanceView']?['state'], 'Failed'), " +
        "equals(body('Read_runner_state')?['properties']?['instanceView']?['state'], 'Stopped'))",
    );
  });

  it('deletes the group when the run succeeded and otherwise keeps the trigger as a dead letter', () => {
    expect(actions.After_run).toEqual({
      type: 'If',
      expression: {
        and: [
          { equals: ["@body('Read_runner_state')?['properties']?['instanceView']?['state']", 'Succeeded'] },
        ],
      },
      actions: {
        Remove_runner: {
          type: 'Http',
          inputs: { method: 'DELETE', uri: GROUP_URI, authentication: AUTH },
          runAfter: {},
        },
      },
      else: {
        actions: {
          Keep_trigger: {
            type: 'Http',
            inputs: {
              method: 'PUT',
              uri: 'https://acct.blob.core.windows.net/deadletter/logicapps/@{workflow().name}/@{workflow().run.name}.json',
              headers: {
                'x-ms-blob-type': 'BlockBlob',
                'x-ms-version': '2021-08-06',
                'content-type': 'application/json',
              },
              body: '{"kind":"report"}',
              authentication: { ...AUTH, audience: 'https://storage.azure.com/' },
            },
            runAfter: {},
          },
        },
      },
      // Also when the group never started (the wait is then skipped) or the wait timed out.
      runAfter: { Wait_for_exit: ['Succeeded', 'Failed', 'TimedOut', 'Skipped'] },
    });
  });
});

describe('scheduledWorkflow', () => {
  it('fires on the recurrence, one run at a time', () => {
    const recurrence = toRecurrence({ cron: '0 2 * * *', timezone: 'UTC' });
    const definition = scheduledWorkflow(SPEC, recurrence, '{"kind":"report"}', 'report');
    expect(definition.triggers).toEqual({
      Schedule: { type: 'Recurrence', recurrence, runtimeConfiguration: { concurrency: { runs: 1 } } },
    });
  });
});

describe('eventWorkflow', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the definition is arbitrary JSON; tests assert exact values.
  const definition = eventWorkflow(SPEC) as { triggers: unknown; actions: { Route: Record<string, any> } };

  it('is triggered over HTTP POST', () => {
    expect(definition.triggers).toEqual({
      Event: { type: 'Request', kind: 'Http', inputs: { method: 'POST' } },
    });
  });

  it('answers the Event Grid validation handshake with the validation code', () => {
    expect(definition.actions.Route.expression).toBe(
      "@equals(triggerOutputs()?['headers']?['aeg-event-type'], 'SubscriptionValidation')",
    );
    expect(definition.actions.Route.actions.Answer_validation.inputs).toEqual({
      statusCode: 200,
      body: { validationResponse: "@{first(triggerBody())?['data']?['validationCode']}" },
    });
  });

  it('acknowledges an event with 202 before running the runner with the event as trigger', () => {
    const branch = definition.actions.Route.else.actions;
    expect(branch.Accept.inputs).toEqual({ statusCode: 202 });
    expect(branch.Start_runner.runAfter).toEqual({ Accept: ['Succeeded'] });
    const env = branch.Start_runner.inputs.body.properties.containers[0].properties.environmentVariables;
    expect(env).toContainEqual({ name: 'ESCHER_TRIGGER', value: EVENT_TRIGGER_VALUE });
  });
});
