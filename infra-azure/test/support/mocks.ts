// Pulumi mocks that record every resource the program declares (type, name, inputs) and
// answer only the provider functions the stack is known to call.

import * as pulumi from '@pulumi/pulumi';

export interface Recorded {
  type: string;
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: resource inputs are arbitrary JSON; tests assert exact values.
  inputs: Record<string, any>;
}

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
  call(args) {
    const answer = CALLS[args.token];
    if (!answer) throw new Error(`unexpected provider call ${args.token}`);
    return answer();
  },
};

/** Runs `declare` against recording mocks and returns every resource once all RPCs drained. */
export async function record(declare: () => unknown): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        recorded.push({ type: args.type, name: args.name, inputs: args.inputs });
        return mocks.newResource(args);
      },
      call: mocks.call,
    },
    'escher',
    'test',
    false,
  );
  await declare();
  await pulumi.runtime.disconnect();
  return recorded;
}

export function only(recorded: Recorded[], type: string): Recorded[] {
  return recorded.filter((r) => r.type === type);
}

export function byName(recorded: Recorded[], name: string): Recorded {
  const found = recorded.find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name}; have ${recorded.map((r) => r.name).join(', ')}`);
  return found;
}
