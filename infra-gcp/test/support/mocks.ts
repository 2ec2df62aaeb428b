// GCP's answers to the shared recording Pulumi mocks: the few outputs GCP computes (emails,
// ids, URLs) and only the provider functions the stack is known to call.

import { knownCalls, type Recorded, recordResources } from '@escher/shared/testing';
import * as pulumi from '@pulumi/pulumi';

export { byName, only, type Recorded } from '@escher/shared/testing';

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
  call: knownCalls(CALLS),
};

/** Runs `declare` against the recording mocks and returns every resource once all RPCs drained. */
export const record = (declare: () => unknown): Promise<Recorded[]> =>
  recordResources(pulumi.runtime, mocks, declare);
