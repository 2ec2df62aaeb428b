// The runner's identity: one customer-managed policy shared by the Lambda role and the
// Fargate task role, so both entry points can do exactly the same and nothing more.
// Statements come from the pure builders in ../permissions/, fed with this stack's ARNs.

import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { AwsDeploymentConfig } from '../config.js';
import { acknowledgeWildcards } from '../nag.js';
import { jobStatements } from '../permissions/job-statements.js';
import { readStatements } from '../permissions/read-statements.js';
import { remediationStatements } from '../permissions/remediation-statements.js';
import type { StatementSpec } from '../permissions/statement.js';

/** The role each member account creates (member-account-stack.ts) for the runner to assume. */
export const memberRoleName = (namePrefix: string) => `${namePrefix}-member-access`;

export interface RunnerPermissionsProps {
  config: AwsDeploymentConfig;
  stateBucket: s3.IBucket;
  auditBucket: s3.IBucket;
  secretsKey: kms.IKey;
  secretsParameterArns: string[];
  topic: sns.ITopic;
  topicKey: kms.IKey;
}

export class RunnerPermissions extends Construct {
  readonly policy: iam.ManagedPolicy;
  readonly lambdaRole: iam.Role;
  readonly taskRole: iam.Role;

  constructor(scope: Construct, id: string, props: RunnerPermissionsProps) {
    super(scope, id);
    const { config } = props;
    const scopeArns = { partition: Aws.PARTITION, account: Aws.ACCOUNT_ID };
    const specs: StatementSpec[] = [
      ...coreStatements(props),
      ...readStatements(scopeArns),
      ...jobStatements(config.jobs, scopeArns),
      ...remediationStatements(config.remediations, scopeArns),
    ];
    this.policy = new iam.ManagedPolicy(this, 'RunnerPolicy', {
      managedPolicyName: `${config.name}-runner`,
      description:
        'What the Escher runner may do: its state, its secrets, reads, enabled jobs and remediations',
      statements: specs.map(toPolicyStatement),
    });
    this.lambdaRole = new iam.Role(this, 'LambdaRole', {
      roleName: `${config.name}-runner-lambda`,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [this.policy],
    });
    acknowledgeWildcards(this.policy, specs);
    this.taskRole = new iam.Role(this, 'TaskRole', {
      roleName: `${config.name}-runner-task`,
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      managedPolicies: [this.policy],
    });
  }
}

/** Access to the runner's own resources: state, audit mirror, secrets, notifications, member roles. */
function coreStatements(props: RunnerPermissionsProps): StatementSpec[] {
  const { stateBucket, auditBucket, config } = props;
  return [
    {
      sid: 'StateReadWrite',
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resources: [stateBucket.arnForObjects('*')],
      why: 'the objects of the runner’s own state bucket',
    },
    {
      sid: 'StateList',
      actions: ['s3:ListBucket'],
      resources: [stateBucket.bucketArn, auditBucket.bucketArn],
    },
    // Append only: no delete, and never s3:BypassGovernanceRetention.
    {
      sid: 'AuditAppend',
      actions: ['s3:GetObject', 's3:PutObject'],
      resources: [auditBucket.arnForObjects('*')],
      why: 'the objects of the runner’s own audit bucket',
    },
    {
      sid: 'ReadSecrets',
      actions: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'],
      resources: props.secretsParameterArns,
      why: 'every parameter under /escher, the runner’s own namespace',
    },
    {
      sid: 'DecryptSecrets',
      actions: ['kms:Decrypt'],
      resources: [props.secretsKey.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `ssm.${Aws.REGION}.amazonaws.com` } },
    },
    { sid: 'Notify', actions: ['sns:Publish'], resources: [props.topic.topicArn] },
    {
      sid: 'NotifyEncrypt',
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [props.topicKey.keyArn],
    },
    {
      sid: 'AssumeMemberAccountRoles',
      actions: ['sts:AssumeRole'],
      resources: [`arn:${Aws.PARTITION}:iam::*:role/${memberRoleName(config.name)}`],
      why: 'member accounts are listed at run time; only the Escher member role, which trusts only the runner roles',
    },
  ];
}

export function toPolicyStatement(spec: StatementSpec): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: spec.sid,
    actions: spec.actions,
    resources: spec.resources,
    ...(spec.conditions ? { conditions: spec.conditions } : {}),
  });
}
