// Logic Apps workflow definitions (pure JSON builders). Each run creates its own container
// group through ARM (Container Instances has no per-run overrides, and a finished group
// cannot be updated), waits for the runner to exit, and deletes the group when it
// succeeded. When the group could not start or the runner failed, the trigger is written
// to the dead-letter container and the group stays so its logs can be read.

import type { Recurrence } from './recurrence.js';
import { EVENT_TRIGGER_VALUE } from './triggers.js';

const SCHEMA =
  'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#';
export const ACI_API_VERSION = '2023-05-01';

export interface RunnerSpec {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** Prefix of each run's container group name; the run id completes it. */
  groupPrefix: string;
  image: string;
  cpu: number;
  memoryGb: number;
  /** ARM id of the runner's user-assigned identity. */
  runnerIdentityId: string;
  /** ARM id of the identity the workflow calls ARM with. */
  schedulerIdentityId: string;
  /** `https://<account>.blob.core.windows.net/<container>` for triggers whose run failed. */
  deadLetterUrl: string;
  /** Environment shared by every run (store, secrets, config); never secret values. */
  env: Record<string, string>;
}

type Json = Record<string, unknown>;

export function containerGroupUri(spec: RunnerSpec): string {
  return (
    `https://management.azure.com/subscriptions/${spec.subscriptionId}/resourceGroups/${spec.resourceGroup}` +
    `/providers/Microsoft.ContainerInstance/containerGroups/${spec.groupPrefix}-@{workflow().run.name}` +
    `?api-version=${ACI_API_VERSION}`
  );
}

/** An Azure Container Registry image is pulled as the runner identity (grant it AcrPull). */
function registryCredentials(spec: RunnerSpec): Json {
  const server = spec.image.split('/')[0] ?? '';
  if (!server.endsWith('.azurecr.io')) return {};
  return { imageRegistryCredentials: [{ server, identity: spec.runnerIdentityId }] };
}

/** The ARM body of one run: no IP address (nothing listens), restart policy Never. */
export function containerGroupBody(spec: RunnerSpec, trigger: string, label: string): Json {
  const env = { ...spec.env, ESCHER_TRIGGER: trigger };
  return {
    location: spec.location,
    tags: { 'escher-trigger': label },
    identity: { type: 'UserAssigned', userAssignedIdentities: { [spec.runnerIdentityId]: {} } },
    properties: {
      osType: 'Linux',
      restartPolicy: 'Never',
      sku: 'Standard',
      ...registryCredentials(spec),
      containers: [
        {
          name: 'runner',
          properties: {
            image: spec.image,
            command: ['node', 'runtime/bin/escher.js', 'task'],
            resources: { requests: { cpu: spec.cpu, memoryInGB: spec.memoryGb } },
            environmentVariables: Object.entries(env).map(([name, value]) => ({ name, value })),
          },
        },
      ],
    },
  };
}

const asScheduler = (spec: RunnerSpec, audience: string) => ({
  type: 'ManagedServiceIdentity',
  identity: spec.schedulerIdentityId,
  audience,
});

function armCall(spec: RunnerSpec, method: string, runAfter: Json, body?: Json): Json {
  const authentication = asScheduler(spec, 'https://management.azure.com/');
  const inputs = { method, uri: containerGroupUri(spec), authentication, ...(body ? { body } : {}) };
  return { type: 'Http', inputs, runAfter };
}

/** Blob REST put of the trigger, named after the workflow run (no shared keys: OAuth). */
function keepTrigger(spec: RunnerSpec, trigger: string): Json {
  return {
    type: 'Http',
    inputs: {
      method: 'PUT',
      uri: `${spec.deadLetterUrl}/logicapps/@{workflow().name}/@{workflow().run.name}.json`,
      headers: {
        'x-ms-blob-type': 'BlockBlob',
        'x-ms-version': '2021-08-06',
        'content-type': 'application/json',
      },
      body: trigger,
      authentication: asScheduler(spec, 'https://storage.azure.com/'),
    },
    runAfter: {},
  };
}

const STATE = "body('Read_runner_state')?['properties']?['instanceView']?['state']";

/**
 * Create the group, poll until the runner exits (4 h cap), then delete it if it succeeded
 * or keep the trigger as a dead letter (also when the group never started).
 */
export function runnerActions(spec: RunnerSpec, trigger: string, label: string, runAfter: Json = {}): Json {
  return {
    Start_runner: armCall(spec, 'PUT', runAfter, containerGroupBody(spec, trigger, label)),
    Wait_for_exit: {
      type: 'Until',
      expression: `@or(equals(${STATE}, 'Succeeded'), equals(${STATE}, 'Failed'), equals(${STATE}, 'Stopped'))`,
      limit: { count: 480, timeout: 'PT4H' },
      actions: {
        Pause: { type: 'Wait', inputs: { interval: { count: 30, unit: 'Second' } }, runAfter: {} },
        Read_runner_state: armCall(spec, 'GET', { Pause: ['Succeeded'] }),
      },
      runAfter: { Start_runner: ['Succeeded'] },
    },
    After_run: {
      type: 'If',
      expression: { and: [{ equals: [`@${STATE}`, 'Succeeded'] }] },
      actions: { Remove_runner: armCall(spec, 'DELETE', {}) },
      else: { actions: { Keep_trigger: keepTrigger(spec, trigger) } },
      runAfter: { Wait_for_exit: ['Succeeded', 'Failed', 'TimedOut', 'Skipped'] },
    },
  };
}

/** A recurrence workflow; one run at a time so a slow job never overlaps itself. */
export function scheduledWorkflow(
  spec: RunnerSpec,
  recurrence: Recurrence,
  trigger: string,
  label: string,
): Json {
  return {
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    triggers: {
      Schedule: { type: 'Recurrence', recurrence, runtimeConfiguration: { concurrency: { runs: 1 } } },
    },
    actions: runnerActions(spec, trigger, label),
    outputs: {},
  };
}

export const EVENT_TRIGGER_NAME = 'Event';

/**
 * The real-time workflow, fed by Event Grid and an Azure Monitor action group. It answers
 * Event Grid's subscription-validation handshake, acknowledges everything else with 202
 * and then runs the runner with the event as its trigger.
 */
export function eventWorkflow(spec: RunnerSpec): Json {
  const isValidation = "@equals(triggerOutputs()?['headers']?['aeg-event-type'], 'SubscriptionValidation')";
  return {
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    triggers: { [EVENT_TRIGGER_NAME]: { type: 'Request', kind: 'Http', inputs: { method: 'POST' } } },
    actions: {
      Route: {
        type: 'If',
        expression: isValidation,
        actions: {
          Answer_validation: {
            type: 'Response',
            kind: 'Http',
            inputs: {
              statusCode: 200,
              body: { validationResponse: "@{first(triggerBody())?['data']?['validationCode']}" },
            },
            runAfter: {},
          },
        },
        else: {
          actions: {
            Accept: { type: 'Response', kind: 'Http', inputs: { statusCode: 202 }, runAfter: {} },
            ...runnerActions(spec, EVENT_TRIGGER_VALUE, 'event', { Accept: ['Succeeded'] }),
          },
        },
        runAfter: {},
      },
    },
    outputs: {},
  };
}
