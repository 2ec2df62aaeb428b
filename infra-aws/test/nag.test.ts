import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { toAwsDeploymentConfig } from '../src/config.js';
import { acknowledgeWildcards } from '../src/nag.js';
import { BASE_CONFIG, FIXTURE_IMAGE } from './support/synth.js';

const build = () => buildApp({ config: toAwsDeploymentConfig(BASE_CONFIG), imageSource: FIXTURE_IMAGE });

describe('cdk-nag AwsSolutions', () => {
  it('leaves no unacknowledged error or warning in either stack', () => {
    const { app } = build();
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`)).toEqual(
      [],
    );
    expect(report.success).toBe(true);
  });

  it('is registered on the app, so synth fails on a new unacknowledged finding', () => {
    const { runner, app } = build();
    new sqs.Queue(runner, 'Unencrypted', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => app.synth()).toThrow(/escher-runner\/Unencrypted\/Resource[\s\S]*AwsSolutions-SQS2/);
  });

  it('keeps a wildcard without a written reason unacknowledged', () => {
    const { runner } = build();
    const policy = new iam.ManagedPolicy(runner, 'Extra', {
      statements: [new iam.PolicyStatement({ actions: ['ec2:DescribeImages'], resources: ['*'] })],
    });
    acknowledgeWildcards(policy, [{ sid: 'NoReason', actions: ['ec2:DescribeImages'], resources: ['*'] }]);
    const report = new AwsSolutionsChecks(undefined).validateScope(Stack.of(policy));
    expect(report.violations.map((v) => v.ruleName)).toEqual(['AwsSolutions-IAM5[Resource::*]']);
  });
});
