// AWS SDK clients, built at the edge per account and region. The home account uses the SDK's
// default chain; member accounts use the credentials kept in the SecretStore
// (escher/aws/<account>/...), else a role assumed through STS; tests point every client at
// an emulator via AWS_ENDPOINT_URL.

import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { RuntimeEnv } from '../../config/env.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { type AwsCredentialIdentity, memberCredentials } from './member-credentials.js';

export interface AwsScope {
  account: string;
  region: string;
}

/** Retries with exponential backoff and jitter on throttling and 5xx, bounded. */
const RETRY = { maxAttempts: 6, retryMode: 'adaptive' } as const;

type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;

export interface AwsClientsOptions {
  /** The account the runner's own credentials (the SDK's default chain) belong to. */
  homeAccount?: string;
  /** Role assumed in a member account that has no credentials in `secrets`. */
  memberRole?: string;
  /** Where member accounts' credentials are kept (escher/aws/<account>/<field>). */
  secrets?: SecretStore;
}

export class AwsClients {
  private readonly cache = new Map<string, unknown>();
  private readonly credentials = new Map<string, AwsCredentialIdentityProvider>();

  constructor(
    private readonly env: RuntimeEnv,
    /** Home account: its own credentials; other accounts: the SecretStore, else `memberRole`. */
    private readonly options: AwsClientsOptions = {},
  ) {}

  private base(scope: AwsScope) {
    const credentials = this.credentialsFor(scope);
    return {
      region: scope.region,
      ...RETRY,
      ...(this.env.AWS_ENDPOINT_URL ? { endpoint: this.env.AWS_ENDPOINT_URL } : {}),
      ...(credentials ? { credentials } : {}),
    };
  }

  private credentialsFor(scope: AwsScope): AwsCredentialIdentityProvider | undefined {
    const { homeAccount, memberRole, secrets } = this.options;
    // Without a known home account every scope is the runner's own (single-account setups).
    if (!homeAccount || scope.account === homeAccount) return undefined;
    let provider = this.credentials.get(scope.account);
    if (!provider) {
      const sts = new STSClient({
        region: scope.region,
        ...RETRY,
        ...(this.env.AWS_ENDPOINT_URL ? { endpoint: this.env.AWS_ENDPOINT_URL } : {}),
      });
      const assumeRole = async (roleArn: string, externalId?: string): Promise<AwsCredentialIdentity> => {
        const out = await sts.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: 'escher-runner',
            ...(externalId ? { ExternalId: externalId } : {}),
          }),
        );
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey)
          throw new Error(`AssumeRole ${roleArn} returned no credentials`);
        return {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretAccessKey,
          ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
          ...(c.Expiration ? { expiration: c.Expiration } : {}),
        };
      };
      provider = memberCredentials(scope.account, { secrets, memberRole, assumeRole });
      this.credentials.set(scope.account, provider);
    }
    return provider;
  }

  private get<T>(kind: string, scope: AwsScope, make: () => T): T {
    const key = `${kind}|${scope.account}|${scope.region}`;
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  ec2(scope: AwsScope): EC2Client {
    return this.get('ec2', scope, () => new EC2Client(this.base(scope)));
  }

  rds(scope: AwsScope): RDSClient {
    return this.get('rds', scope, () => new RDSClient(this.base(scope)));
  }

  /** Cost Explorer is served from us-east-1 whatever the account's home region. */
  costExplorer(scope: AwsScope): CostExplorerClient {
    const global = { ...scope, region: 'us-east-1' };
    return this.get('ce', global, () => new CostExplorerClient(this.base(global)));
  }

  cloudWatch(scope: AwsScope): CloudWatchClient {
    return this.get('cloudwatch', scope, () => new CloudWatchClient(this.base(scope)));
  }

  iam(scope: AwsScope): IAMClient {
    const global = { ...scope, region: 'us-east-1' };
    return this.get('iam', global, () => new IAMClient(this.base(global)));
  }

  s3(scope: AwsScope): S3Client {
    // Path-style addressing works against emulators and real S3 alike.
    return this.get('s3', scope, () => new S3Client({ ...this.base(scope), forcePathStyle: true }));
  }
}
