// Azure's answers to the shared recording Pulumi mocks: resource names as the provider
// gives them, identity ids, and only the provider functions the stack is known to call.

import { knownCalls, type Recorded, recordResources } from '@escher/shared/testing';
import * as pulumi from '@pulumi/pulumi';

export { byName, only, type Recorded } from '@escher/shared/testing';

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CALLBACK_URL =
  'https://prod-01.westeurope.logic.azure.com/workflows/w/triggers/Event/paths/invoke?sig=SIGNED';

const CALLS: Record<string, () => Record<string, unknown>> = {
  'azure-native:authorization:getClientConfig': () => ({
    tenantId: TENANT_ID,
    subscriptionId: '00000000-0000-0000-0000-000000000000',
    clientId: 'client',
    objectId: 'object',
  }),
  'azure-native:logic:listWorkflowTriggerCallbackUrl': () => ({ value: CALLBACK_URL }),
};

/** Explicit names win, as with the real provider; the most specific name input comes first. */
const NAME_INPUTS = [
  'containerName',
  'workflowName',
  'vaultName',
  'systemTopicName',
  'eventSubscriptionName',
  'actionGroupName',
  'resourceName',
  'accountName',
  'roleName',
  'resourceGroupName',
];

export const mocks: pulumi.runtime.Mocks = {
  newResource(args) {
    const explicit = NAME_INPUTS.filter(
      (k) => k !== 'resourceGroupName' || args.type.endsWith(':ResourceGroup'),
    )
      .map((k) => args.inputs[k])
      .find((v) => typeof v === 'string');
    const state = {
      ...args.inputs,
      name: explicit ?? args.name,
      principalId: `${args.name}-principal`,
      clientId: `${args.name}-client`,
      identity: args.inputs.identity
        ? { ...args.inputs.identity, principalId: `${args.name}-principal` }
        : undefined,
    };
    return { id: `/mock/${args.name}`, state };
  },
  call: knownCalls(CALLS),
};

/** Runs `declare` against the recording mocks and returns every resource once all RPCs drained. */
export const record = (declare: () => unknown): Promise<Recorded[]> =>
  recordResources(pulumi.runtime, mocks, declare);
