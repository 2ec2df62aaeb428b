// SDK clients for the AWS catalog entries, built at the edge per target account: the
// home account uses the runner's own credentials; any other account needs either a role
// to assume (escher/aws/<account>/role_arn) or keys in the secret store, read by the
// shared credential loader.

import type { OperationTarget } from '@escher/shared';
import { ConfigError } from '../../errors.js';
import { loadAwsCredentials } from '../../secrets/cloud-credentials.js';
import type { SecretStore } from '../../secrets/secret-store.js';

/**
 * What an AWS catalog entry needs to build its SDK client. Entries build only the client
 * they use (s3Of, ec2Of, rdsOf), so a run loads one service's SDK, not all of them.
 */
export interface AwsRemediationClients {
  region: string;
  endpoint?: string;
  credentials?: Credentials;
}

export interface AwsClientsOptions {
  /** The account the runner's own credentials belong to (config `aws.account`). */
  homeAccount?: string | undefined;
  defaultRegion: string;
  /** Emulator endpoint (AWS_ENDPOINT_URL); never set in a real deployment. */
  endpoint?: string | undefined;
  secrets?: SecretStore | undefined;
  /** The home account's credentials; undefined means the SDK's default chain (role, env). */
  homeCredentials?: Credentials | undefined;
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export function awsClientsProvider(
  options: AwsClientsOptions,
): (target: OperationTarget) => Promise<AwsRemediationClients> {
  const cache = new Map<string, Promise<AwsRemediationClients>>();
  return (target) => {
    const region = target.region && target.region !== 'global' ? target.region : options.defaultRegion;
    const key = `${target.account}/${region}`;
    let clients = cache.get(key);
    if (!clients) {
      clients = build(target.account, region, options);
      cache.set(key, clients);
      clients.catch(() => cache.delete(key));
    }
    return clients;
  };
}

async function build(
  account: string,
  region: string,
  options: AwsClientsOptions,
): Promise<AwsRemediationClients> {
  const credentials = await credentialsFor(account, region, options);
  return {
    region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  };
}

async function credentialsFor(
  account: string,
  region: string,
  options: AwsClientsOptions,
): Promise<Credentials | undefined> {
  if (account === options.homeAccount) return options.homeCredentials;
  if (!options.secrets) {
    throw new ConfigError(`no credentials for AWS account ${account}`, {
      hint: 'configure a secret store (ESCHER_SECRETS) holding them, or set aws.account in the config to it',
      details: { account },
    });
  }
  const loaded = await loadAwsCredentials(options.secrets, account);
  if (loaded.kind === 'static') {
    const { accessKeyId, secretAccessKey, sessionToken } = loaded;
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  }
  // Assume the role in the event's account from the runner's own credentials.
  const { AssumeRoleCommand, STSClient } = await import('@aws-sdk/client-sts');
  const sts = new STSClient({
    region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.homeCredentials ? { credentials: options.homeCredentials } : {}),
  });
  const res = await sts.send(
    new AssumeRoleCommand({
      RoleArn: loaded.roleArn,
      RoleSessionName: 'escher-remediation',
      DurationSeconds: 900,
      ...(loaded.externalId ? { ExternalId: loaded.externalId } : {}),
    }),
  );
  const c = res.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) {
    throw new ConfigError(`assuming ${loaded.roleArn} returned no credentials`, { details: { account } });
  }
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
  };
}
