// Builds the CDK app from a validated config: the runner stack, the optional member-account
// stack, and cdk-nag's AwsSolutions checks on both (a
// validation plugin in cdk-nag v3: any unacknowledged finding fails synth). The CLI entry (bin/app.ts) and the
// tests build the very same app.

import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { AwsDeploymentConfig } from './config.js';
import type { ImageSource } from './constructs/runner-image.js';
import { MemberAccountStack } from './member-account-stack.js';
import { RunnerStack } from './stack.js';

export interface EscherAppOptions {
  config: AwsDeploymentConfig;
  imageSource: ImageSource;
  outdir?: string;
}

/** Feature flags the stacks rely on, fixed here rather than in cdk.json so tests get them too. */
export const CDK_CONTEXT = {
  // Access logs are delivered under a bucket policy, so the buckets can keep ACLs disabled.
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

export const runnerStackName = (namePrefix: string) => `${namePrefix}-runner`;
export const memberStackName = (namePrefix: string) => `${namePrefix}-member-access`;

export function buildApp({ config, imageSource, outdir }: EscherAppOptions) {
  const app = new App({ context: CDK_CONTEXT, ...(outdir ? { outdir } : {}) });
  // Region only: the account is the one of the credentials deploying, and a region-only
  // environment lets the VPC use Fn::GetAZs instead of a lookup, so synth needs no AWS access.
  const runner = new RunnerStack(app, runnerStackName(config.name), {
    config,
    imageSource,
    env: { region: config.aws.region },
    description: `Escher Extended Runtime for account ${config.aws.account} (Extend My Laptop)`,
  });
  // Environment-agnostic: deployed with each member account's own credentials.
  const member = new MemberAccountStack(app, memberStackName(config.name), {
    config,
    description: `Escher member-account role, trusted by the runner in ${config.aws.account}`,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, runner, member };
}
