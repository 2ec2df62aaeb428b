// Pulumi mocks that record every resource the program declares (type, name, inputs),
// compute the few outputs GCP would (emails, ids, URLs) and answer only the provider
// functions the stack is known to call.

import * as pulumi from '@pulumi/pulumi';

export interface Recorded {
  type: string;
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: resource inputs are arbitrary JSON; tests assert exact values.
  inputs: Record<string, any>;
}

export const PROJECT_NUMBER = '123456789012';
export const SERVICE_URI = 'https://escher-events-abc123-ew.a.run.app';
export const SINK_WRITER = 'serviceAccount:service-123456789012@gcp-sa-logging.iam.gserviceaccount.com';

const CALLS: Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>> = {
  'gcp:organizations/getProject:getProject': (inputs) => ({
    projectId: inputs.projectId,
    number: PROJECT_NUMBER,
  }),
};

// biome-ignore lint/suspicious/noExplicitAny: provider outputs are arbitrary JSON.
type Outputs = (inputs: Record<string, any>) => Record<string, unknown>;

/** Outputs GCP computes that the stack reads, keyed by resource type. */
const COMPUTED: Record<string, Outputs> = {
  'gcp:serviceaccount/account:Account': (i) => {
    const email = `${i.accountId}@${i.project}.iam.gserviceaccount.com`;
    return {
      email,
      member: `serviceAccount:${email}`,
      name: `projects/${i.project}/serviceAccounts/${email}`,
    };
  },
  'gcp:projects/iAMCustomRole:IAMCustomRole': (i) => ({ name: `projects/${i.project}/roles/${i.roleId}` }),
  'gcp:cloudrunv2/service:Service': () => ({ uri: SERVICE_URI }),
  'gcp:logging/projectSink:ProjectSink': () => ({ writerIdentity: SINK_WRITER }),
};

const ID: Record<string, Outputs> = {
  'gcp:pubsub/topic:Topic': (i) => ({ id: `projects/${i.project}/topics/${i.name}` }),
  'gcp:secretmanager/secret:Secret': (i) => ({ id: `projects/${i.project}/secrets/${i.secretId}` }),
};

export const mocks: pulumi.runtime.Mocks = {
  newResource(args) {
    const id = (ID[args.type]?.(args.inputs).id as string | undefined) ?? `${args.name}-id`;
    const state = {
      name: args.inputs.name ?? args.name,
      ...args.inputs,
      ...COMPUTED[args.type]?.(args.inputs),
    };
    return { id, state };
  },
  call(args) {
    const answer = CALLS[args.token];
    if (!answer) throw new Error(`unexpected provider call ${args.token}`);
    return answer(args.inputs);
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
