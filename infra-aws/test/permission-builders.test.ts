import { type JobSpecInput, JobSpecSchema, REMEDIATION_CATALOG } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { jobStatements, tagConditions } from '../src/permissions/job-statements.js';
import { ACTION_RESOURCES, remediationStatements } from '../src/permissions/remediation-statements.js';

const scope = { partition: 'aws', account: '111122223333' };

const job = (overrides: Partial<JobSpecInput>) =>
  JobSpecSchema.parse({
    name: 'nightly',
    schedule: { cron: '0 20 * * *', timezone: 'UTC' },
    action: 'stop',
    selector: { resource_types: ['compute_instance'], clouds: ['aws'], tags: 'env=dev' },
    ...overrides,
  });

describe('remediationStatements', () => {
  it('grants nothing when no remediation is enabled', () => {
    expect(remediationStatements([], scope)).toEqual([]);
  });

  it('grants an enabled entry its catalog actions on the narrowest resources', () => {
    expect(remediationStatements(['aws.ec2.revoke_public_admin_ingress'], scope)).toEqual([
      {
        sid: 'RemediateAwsEc2RevokePublicAdminIngress',
        actions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules'],
        resources: ['*'],
        why: 'aws.ec2.revoke_public_admin_ingress: IAM has no resource-level permission for EC2 Describe* calls and the account-wide EBS default',
      },
      {
        sid: 'RemediateAwsEc2RevokePublicAdminIngress1',
        actions: ['ec2:RevokeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupIngress'],
        resources: ['arn:aws:ec2:*:111122223333:security-group/*'],
        why: 'aws.ec2.revoke_public_admin_ingress: the resource to fix is named by the event or finding at run time',
      },
    ]);
  });

  it('grants no AWS permission for Azure and GCP entries', () => {
    expect(
      remediationStatements(['azure.compute.deallocate_vm', 'gcp.compute.stop_instance'], scope),
    ).toEqual([]);
  });

  it('has a resource rule for every AWS action in the catalog', () => {
    const awsActions = REMEDIATION_CATALOG.filter((e) => e.cloud === 'aws').flatMap((e) => e.permissions);
    expect(awsActions.filter((a) => !(a in ACTION_RESOURCES))).toEqual([]);
  });
});

describe('jobStatements', () => {
  it('grants a stop job StopInstances on instances carrying its tags', () => {
    expect(jobStatements([job({})], scope)).toEqual([
      {
        sid: 'JobNightlyComputeInstance',
        actions: ['ec2:StopInstances'],
        resources: ['arn:aws:ec2:*:111122223333:instance/*'],
        conditions: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
        why: 'job nightly acts on the compute_instances its selector matches at run time, limited by their tags',
      },
    ]);
  });

  it('limits resources to the selector regions and covers databases', () => {
    const spec = job({
      action: 'start',
      selector: {
        resource_types: ['compute_instance', 'database_instance'],
        clouds: ['aws'],
        regions: ['eu-west-1', 'us-east-1'],
        tags: 'team=data',
      },
    });
    expect(jobStatements([spec], scope).map((s) => [s.actions, s.resources])).toEqual([
      [
        ['ec2:StartInstances'],
        ['arn:aws:ec2:eu-west-1:111122223333:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/*'],
      ],
      [
        ['rds:StartDBInstance'],
        ['arn:aws:rds:eu-west-1:111122223333:db:*', 'arn:aws:rds:us-east-1:111122223333:db:*'],
      ],
    ]);
  });

  it('grants nothing for a job that does not select AWS', () => {
    const spec = job({
      selector: { resource_types: ['compute_instance'], clouds: ['gcp'], tags: 'env=dev' },
    });
    expect(jobStatements([spec], scope)).toEqual([]);
  });
});

describe('tagConditions', () => {
  it('turns a conjunction of equalities and negations into StringEquals and StringNotEquals', () => {
    expect(tagConditions('env=dev AND NOT escher:skip=true AND owner!=ops')).toEqual({
      StringEquals: { 'aws:ResourceTag/env': 'dev' },
      StringNotEquals: { 'aws:ResourceTag/escher:skip': 'true', 'aws:ResourceTag/owner': 'ops' },
    });
  });

  it('turns bare keys into Null checks', () => {
    expect(tagConditions('backup AND NOT temp')).toEqual({
      Null: { 'aws:ResourceTag/backup': 'false', 'aws:ResourceTag/temp': 'true' },
    });
  });

  it('gives up on OR, negated groups and a key tested twice', () => {
    expect(tagConditions('env=dev OR env=test')).toBeUndefined();
    expect(tagConditions('NOT (env=dev AND team=a)')).toBeUndefined();
    expect(tagConditions('env=dev AND env=test')).toBeUndefined();
  });
});
