// Schedules and real-time routes. Each scheduled job and the morning report gets a
// recurrence workflow; events reach one HTTP-triggered workflow from an Event Grid
// subscription on the subscription's resource events and from an Azure Monitor action
// group (common alert schema). Every workflow starts the runner in task mode with the
// trigger in ESCHER_TRIGGER.

import * as eventgrid from '@pulumi/azure-native/eventgrid/index.js';
import * as logic from '@pulumi/azure-native/logic/index.js';
import * as monitor from '@pulumi/azure-native/monitor/index.js';
import * as pulumi from '@pulumi/pulumi';
import type { AzureStackConfig } from './config.js';
import { EVENT_TRIGGER_NAME, eventWorkflow, type RunnerSpec, scheduledWorkflow } from './workflow.js';

/** Resource events Escher reacts to (writes, deletes and actions such as NSG changes). */
export const RESOURCE_EVENT_TYPES: readonly string[] = [
  'Microsoft.Resources.ResourceWriteSuccess',
  'Microsoft.Resources.ResourceDeleteSuccess',
  'Microsoft.Resources.ResourceActionSuccess',
];

export interface RunsInput {
  spec: pulumi.Output<RunnerSpec>;
  resourceGroupName: pulumi.Output<string>;
  schedulerIdentityId: pulumi.Output<string>;
  accountId: pulumi.Output<string>;
  deadletterContainer: string;
}

function workflow(
  resourceName: string,
  workflowName: string,
  definition: pulumi.Output<unknown>,
  input: RunsInput,
  config: AzureStackConfig,
  parent: pulumi.Resource,
) {
  return new logic.Workflow(
    resourceName,
    {
      workflowName,
      resourceGroupName: input.resourceGroupName,
      location: config.location,
      state: 'Enabled',
      identity: { type: 'UserAssigned', userAssignedIdentities: [input.schedulerIdentityId] },
      definition,
    },
    { parent },
  );
}

export function declareSchedules(
  name: string,
  config: AzureStackConfig,
  input: RunsInput,
  parent: pulumi.Resource,
): logic.Workflow[] {
  return config.schedules.map((run) => {
    const suffix = run.label.replace(':', '-');
    const definition = input.spec.apply((spec) =>
      scheduledWorkflow(
        { ...spec, groupPrefix: `${spec.groupPrefix}-${run.label === 'report' ? 'report' : 'job'}` },
        run.recurrence,
        run.trigger,
        run.label,
      ),
    );
    return workflow(
      `${name}-${suffix}`,
      `${config.extension.name}-${suffix}`,
      definition,
      input,
      config,
      parent,
    );
  });
}

export interface EventRoutes {
  workflow: logic.Workflow;
  /** Signed callback URL of the workflow's HTTP trigger; a secret. */
  callbackUrl: pulumi.Output<string>;
  /** Event Grid's system-topic identity, which writes dead letters. */
  topicPrincipalId: pulumi.Output<string>;
  /** Attach alert rules to this action group to have the runner handle them. */
  actionGroupId: pulumi.Output<string>;
}

export function declareEventRoutes(
  name: string,
  config: AzureStackConfig,
  input: RunsInput,
  parent: pulumi.Resource,
): EventRoutes {
  const definition = input.spec.apply((spec) =>
    eventWorkflow({ ...spec, groupPrefix: `${spec.groupPrefix}-event` }),
  );
  const events = workflow(
    `${name}-events`,
    `${config.extension.name}-events`,
    definition,
    input,
    config,
    parent,
  );
  const callbackUrl = pulumi.secret(
    logic
      .listWorkflowTriggerCallbackUrlOutput(
        {
          resourceGroupName: input.resourceGroupName,
          workflowName: events.name,
          triggerName: EVENT_TRIGGER_NAME,
        },
        { parent },
      )
      .apply((r) => r.value ?? ''),
  );

  const topic = new eventgrid.SystemTopic(
    `${name}-resource-events`,
    {
      systemTopicName: `${config.extension.name}-resource-events`,
      resourceGroupName: input.resourceGroupName,
      location: 'global',
      source: `/subscriptions/${config.subscriptionId}`,
      topicType: 'Microsoft.Resources.Subscriptions',
      identity: { type: 'SystemAssigned' },
    },
    { parent },
  );
  new eventgrid.SystemTopicEventSubscription(
    `${name}-resource-events-to-runner`,
    {
      eventSubscriptionName: `${config.extension.name}-to-runner`,
      systemTopicName: topic.name,
      resourceGroupName: input.resourceGroupName,
      destination: { endpointType: 'WebHook', endpointUrl: callbackUrl, maxEventsPerBatch: 1 },
      eventDeliverySchema: 'EventGridSchema',
      filter: { includedEventTypes: [...RESOURCE_EVENT_TYPES] },
      retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 },
      // Undeliverable events are kept, never dropped (written with the topic's own identity).
      deadLetterWithResourceIdentity: {
        identity: { type: 'SystemAssigned' },
        deadLetterDestination: {
          endpointType: 'StorageBlob',
          resourceId: input.accountId,
          blobContainerName: input.deadletterContainer,
        },
      },
    },
    { parent },
  );

  const alerts = new monitor.ActionGroup(
    `${name}-alerts`,
    {
      actionGroupName: `${config.extension.name}-alerts`,
      groupShortName: config.extension.name.slice(0, 12),
      resourceGroupName: input.resourceGroupName,
      location: 'Global',
      enabled: true,
      logicAppReceivers: [
        { name: 'escher-runner', resourceId: events.id, callbackUrl, useCommonAlertSchema: true },
      ],
    },
    { parent },
  );
  return {
    workflow: events,
    callbackUrl,
    topicPrincipalId: topic.identity.apply((i) => i?.principalId ?? ''),
    actionGroupId: alerts.id,
  };
}
