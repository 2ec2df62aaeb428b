// Optional, deployed once in each member account: a role the runner (in the account named
// by the config) may assume to read and remediate there, with the same generated
// permissions as at home. Without it the runner operates its own account only.

import { Aws, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { AwsDeploymentConfig } from './config.js';
import { memberRoleName, toPolicyStatement } from './constructs/permissions.js';
import { acknowledgeWildcards } from './nag.js';
import { jobStatements } from './permissions/job-statements.js';
import { readStatements } from './permissions/read-statements.js';
import { remediationStatements } from './permissions/remediation-statements.js';

export interface MemberAccountStackProps extends StackProps {
  config: AwsDeploymentConfig;
}

export class MemberAccountStack extends Stack {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, { config, ...props }: MemberAccountStackProps) {
    super(scope, id, props);
    const runnerAccount = config.aws.account;
    const arnScope = { partition: Aws.PARTITION, account: Aws.ACCOUNT_ID };
    const statements = [
      ...readStatements(arnScope),
      ...jobStatements(config.jobs, arnScope),
      ...remediationStatements(config.remediations, arnScope),
    ];
    this.role = new iam.Role(this, 'Role', {
      roleName: memberRoleName(config.name),
      description: `Lets the Escher runner in account ${runnerAccount} operate this account`,
      // Only the two runner roles, not the whole runner account.
      assumedBy: new iam.AccountPrincipal(runnerAccount).withConditions({
        ArnEquals: {
          'aws:PrincipalArn': [
            `arn:${Aws.PARTITION}:iam::${runnerAccount}:role/${config.name}-runner-lambda`,
            `arn:${Aws.PARTITION}:iam::${runnerAccount}:role/${config.name}-runner-task`,
          ],
        },
      }),
      inlinePolicies: {
        Runner: new iam.PolicyDocument({
          statements: statements.map(toPolicyStatement),
        }),
      },
    });
    acknowledgeWildcards(this.role, statements);
  }
}
