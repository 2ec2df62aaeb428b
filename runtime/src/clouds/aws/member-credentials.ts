// Credentials for an AWS account other than the runner's own: the set kept in the
// SecretStore (static keys, or a role to assume), else the deployment's member role, else a
// ConfigError naming the secrets to create. Loaded on the first call the account needs.

import { ConfigError } from '../../errors.js';
import { credentialName, loadAwsCredentials } from '../../secrets/cloud-credentials.js';
import type { SecretStore } from '../../secrets/secret-store.js';

export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface MemberCredentialOptions {
  secrets?: SecretStore | undefined;
  /** Role name assumed in accounts without stored credentials (ESCHER_AWS_MEMBER_ROLE). */
  memberRole?: string | undefined;
  /** Assumes a role from the runner's own credentials. */
  assumeRole(roleArn: string, externalId?: string): Promise<AwsCredentialIdentity>;
}

export function missingAwsCredentials(account: string): ConfigError {
  const name = (field: string) => credentialName('aws', account, field);
  return new ConfigError(
    `no credentials for AWS account ${account}: create the secrets ${name('access_key_id')} and ${name('secret_access_key')} (or ${name('role_arn')})`,
    {
      hint: `run escher creds put aws --account ${account} access_key_id=… secret_access_key=… (or role_arn=…), or set aws.account in the config to it if it is the runner's own account`,
      details: { account },
    },
  );
}

export function memberCredentials(
  account: string,
  o: MemberCredentialOptions,
): () => Promise<AwsCredentialIdentity> {
  return async () => {
    const stored = o.secrets ? await o.secrets.list(`escher/aws/${account}/`) : [];
    if (o.secrets && stored.length > 0) {
      // A partial or malformed set is an error naming the field, never a silent fallback.
      const loaded = await loadAwsCredentials(o.secrets, account);
      if (loaded.kind === 'assume-role') return o.assumeRole(loaded.roleArn, loaded.externalId);
      const { accessKeyId, secretAccessKey, sessionToken } = loaded;
      return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
    }
    if (o.memberRole) return o.assumeRole(`arn:aws:iam::${account}:role/${o.memberRole}`);
    throw missingAwsCredentials(account);
  };
}
