// Remediation permissions, generated only from the catalog entries the user enabled. Each
// catalog action is mapped to the narrowest resource IAM supports for it; an action
// missing from the table fails synth, so a new catalog entry cannot slip in as "*".

import { REMEDIATION_CATALOG, type RemediationId } from '@escher/shared';
import { type ArnScope, type StatementSpec, toSid } from './statement.js';

interface ResourceRule {
  arn: (scope: ArnScope) => string;
  why: string;
}

const FOUND_AT_RUN_TIME = 'the resource to fix is named by the event or finding at run time';
const ANY: ResourceRule = {
  arn: () => '*',
  why: 'IAM has no resource-level permission for EC2 Describe* calls and the account-wide EBS default',
};
const BUCKETS: ResourceRule = { arn: ({ partition }) => `arn:${partition}:s3:::*`, why: FOUND_AT_RUN_TIME };
const SECURITY_GROUPS: ResourceRule = {
  arn: ({ partition, account }) => `arn:${partition}:ec2:*:${account}:security-group/*`,
  why: FOUND_AT_RUN_TIME,
};
const INSTANCES: ResourceRule = {
  arn: ({ partition, account }) => `arn:${partition}:ec2:*:${account}:instance/*`,
  why: FOUND_AT_RUN_TIME,
};
const DB_INSTANCES: ResourceRule = {
  arn: ({ partition, account }) => `arn:${partition}:rds:*:${account}:db:*`,
  why: FOUND_AT_RUN_TIME,
};

/**
 * The resource each catalog action may touch. "*" only where IAM has no resource-level
 * permission for the action (EC2 Describe* calls and the account-wide EBS default).
 */
export const ACTION_RESOURCES: Readonly<Record<string, ResourceRule>> = {
  's3:GetBucketPublicAccessBlock': BUCKETS,
  's3:PutBucketPublicAccessBlock': BUCKETS,
  's3:GetBucketAcl': BUCKETS,
  's3:PutBucketAcl': BUCKETS,
  's3:GetBucketPolicy': BUCKETS,
  's3:PutBucketPolicy': BUCKETS,
  's3:DeleteBucketPolicy': BUCKETS,
  's3:GetBucketPolicyStatus': BUCKETS,
  'ec2:DescribeSecurityGroups': ANY,
  'ec2:DescribeSecurityGroupRules': ANY,
  'ec2:RevokeSecurityGroupIngress': SECURITY_GROUPS,
  'ec2:AuthorizeSecurityGroupIngress': SECURITY_GROUPS,
  'ec2:DescribeInstances': ANY,
  'ec2:StopInstances': INSTANCES,
  'ec2:GetEbsEncryptionByDefault': ANY,
  'ec2:EnableEbsEncryptionByDefault': ANY,
  'rds:DescribeDBInstances': DB_INSTANCES,
  'rds:ModifyDBInstance': DB_INSTANCES,
};

/** One statement per enabled AWS entry and resource kind; entries of other clouds need no AWS grant. */
export function remediationStatements(ids: readonly RemediationId[], scope: ArnScope): StatementSpec[] {
  const statements: StatementSpec[] = [];
  for (const entry of REMEDIATION_CATALOG) {
    if (entry.cloud !== 'aws' || !ids.includes(entry.id)) continue;
    const byRule = new Map<ResourceRule, string[]>();
    for (const action of entry.permissions) {
      const rule = ACTION_RESOURCES[action];
      if (!rule) {
        throw new Error(
          `remediation ${entry.id} needs ${action}, which has no resource rule in ACTION_RESOURCES`,
        );
      }
      byRule.set(rule, [...(byRule.get(rule) ?? []), action]);
    }
    let n = 0;
    for (const [rule, actions] of byRule) {
      statements.push({
        sid: `Remediate${toSid(entry.id)}${n++ || ''}`,
        actions,
        resources: [rule.arn(scope)],
        why: `${entry.id}: ${rule.why}`,
      });
    }
  }
  return statements;
}
