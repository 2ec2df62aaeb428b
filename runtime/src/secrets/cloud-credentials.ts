// Credentials for the clouds a runner manages, kept in the SecretStore under
// escher/<cloud>/<account>/<field> and turned into SDK-ready objects here. One schema per
// cloud; loaders name what is missing or malformed, never the values.

import { z } from 'zod';
import { ConfigError, InputError } from '../errors.js';
import type { SecretStore } from './secret-store.js';

export const AwsCredentialsSchema = z.union([
  z.object({
    kind: z.literal('static'),
    accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, 'must be an AWS access key id (A-Z, 0-9)'),
    secretAccessKey: z.string().min(16),
    sessionToken: z.string().min(1).optional(),
  }),
  z.object({
    kind: z.literal('assume-role'),
    roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN'),
    externalId: z.string().min(2).optional(),
  }),
]);
export type AwsCredentials = z.infer<typeof AwsCredentialsSchema>;

/** The parameters of @azure/identity's ClientSecretCredential(tenantId, clientId, clientSecret). */
export const AzureCredentialsSchema = z.object({
  tenantId: z.guid(),
  clientId: z.guid(),
  clientSecret: z.string().min(1),
});
export type AzureCredentials = z.infer<typeof AzureCredentialsSchema>;

/** A service account key file, as google-auth-library's `credentials` option takes it. */
export const GcpServiceAccountSchema = z.looseObject({
  type: z.literal('service_account'),
  project_id: z.string().min(1),
  client_email: z.email(),
  private_key: z.string().includes('PRIVATE KEY'),
});
export type GcpServiceAccount = z.infer<typeof GcpServiceAccountSchema>;

export type Cloud = 'aws' | 'azure' | 'gcp';
export const CLOUDS: Cloud[] = ['aws', 'azure', 'gcp'];

/** Secret field names per cloud: the sets that make a complete credential, in preference order. */
export const CREDENTIAL_FIELDS: Record<Cloud, { complete: string[][]; optional: string[] }> = {
  aws: {
    complete: [['access_key_id', 'secret_access_key'], ['role_arn']],
    optional: ['session_token', 'external_id'],
  },
  azure: { complete: [['tenant_id', 'client_id', 'client_secret']], optional: [] },
  gcp: { complete: [['service_account_json']], optional: [] },
};

export const credentialName = (cloud: Cloud, account: string, field: string) =>
  `escher/${cloud}/${account}/${field}`;

async function readFields(
  store: SecretStore,
  cloud: Cloud,
  account: string,
): Promise<Record<string, string>> {
  const spec = CREDENTIAL_FIELDS[cloud];
  const fields = [...new Set([...spec.complete.flat(), ...spec.optional])];
  const values = await Promise.all(fields.map((f) => store.get(credentialName(cloud, account, f))));
  return Object.fromEntries(
    fields.flatMap((f, i) => (values[i] === undefined ? [] : [[f, values[i] as string]])),
  );
}

function incomplete(cloud: Cloud, account: string, present: Record<string, string>): ConfigError {
  const [first = []] = CREDENTIAL_FIELDS[cloud].complete;
  const missing = first.filter((f) => !(f in present)).map((f) => credentialName(cloud, account, f));
  return new ConfigError(
    `${cloud} credentials for ${account} are incomplete: missing ${missing.join(', ')}`,
    {
      hint: `run escher creds put ${cloud} --account ${account} with the missing fields`,
    },
  );
}

function parsed<T>(schema: z.ZodType<T>, input: unknown, cloud: Cloud, account: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // Only the path and the rule go into the message: the input holds secret values.
  const issue = result.error.issues[0];
  throw new ConfigError(
    `${cloud} credentials for ${account} are malformed: ${issue?.path.join('.') || 'value'} ${issue?.message ?? ''}`.trim(),
    {
      hint: `put them again with escher creds put ${cloud} --account ${account}`,
    },
  );
}

export async function loadAwsCredentials(store: SecretStore, account: string): Promise<AwsCredentials> {
  const f = await readFields(store, 'aws', account);
  if (f.access_key_id && f.secret_access_key) {
    return parsed(
      AwsCredentialsSchema,
      {
        kind: 'static',
        accessKeyId: f.access_key_id,
        secretAccessKey: f.secret_access_key,
        sessionToken: f.session_token,
      },
      'aws',
      account,
    );
  }
  if (f.role_arn)
    return parsed(
      AwsCredentialsSchema,
      { kind: 'assume-role', roleArn: f.role_arn, externalId: f.external_id },
      'aws',
      account,
    );
  throw incomplete('aws', account, f);
}

export async function loadAzureCredentials(
  store: SecretStore,
  subscription: string,
): Promise<AzureCredentials> {
  const f = await readFields(store, 'azure', subscription);
  if (!(f.tenant_id && f.client_id && f.client_secret)) throw incomplete('azure', subscription, f);
  return parsed(
    AzureCredentialsSchema,
    { tenantId: f.tenant_id, clientId: f.client_id, clientSecret: f.client_secret },
    'azure',
    subscription,
  );
}

export async function loadGcpCredentials(store: SecretStore, project: string): Promise<GcpServiceAccount> {
  const f = await readFields(store, 'gcp', project);
  if (!f.service_account_json) throw incomplete('gcp', project, f);
  let json: unknown;
  try {
    json = JSON.parse(f.service_account_json);
  } catch {
    throw new ConfigError(`gcp credentials for ${project} are malformed: service_account_json is not JSON`, {
      hint: `put the key file again with escher creds put gcp --account ${project} --from-file KEY.json`,
    });
  }
  return parsed(GcpServiceAccountSchema, json, 'gcp', project);
}

const ACCOUNT_IDS: Record<Cloud, { pattern: RegExp; what: string }> = {
  aws: { pattern: /^\d{12}$/, what: 'a 12-digit AWS account id' },
  azure: {
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    what: 'an Azure subscription id (a lowercase GUID)',
  },
  gcp: { pattern: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, what: 'a GCP project id' },
};

export function assertAccountId(cloud: Cloud, account: string): string {
  const { pattern, what } = ACCOUNT_IDS[cloud];
  if (!pattern.test(account)) throw new InputError(`--account "${account}" is not ${what}`);
  return account;
}

const loaders: Record<Cloud, (store: SecretStore, account: string) => Promise<unknown>> = {
  aws: loadAwsCredentials,
  azure: loadAzureCredentials,
  gcp: loadGcpCredentials,
};

/** Checks a credential set before anything is stored: known fields only, complete and well-formed. */
export async function validateCredentialFields(
  cloud: Cloud,
  account: string,
  fields: Record<string, string>,
): Promise<void> {
  const spec = CREDENTIAL_FIELDS[cloud];
  const known = new Set([...spec.complete.flat(), ...spec.optional]);
  const unknown = Object.keys(fields).filter((f) => !known.has(f));
  if (unknown.length > 0) {
    throw new InputError(`unknown ${cloud} credential field ${unknown.join(', ')}`, {
      hint: `use ${[...known].join(', ')}`,
    });
  }
  const view: SecretStore = {
    url: 'memory://',
    get: async (name) => fields[name.split('/').pop() ?? ''],
    put: async () => undefined,
    list: async () => [],
    delete: async () => undefined,
  };
  try {
    await loaders[cloud](view, account);
  } catch (err) {
    if (err instanceof ConfigError)
      throw new InputError(err.message, {
        hint: `pass the fields of one complete set: ${spec.complete.map((set) => set.join(' + ')).join(' or ')}`,
      });
    throw err;
  }
}
