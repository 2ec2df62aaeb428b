import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthesize } from './support/synth.js';

const { runner, member } = synthesize();

interface Statement {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
  Effect: string;
  Condition?: unknown;
}

/** Every statement of every identity policy: managed, inline and role-embedded. */
function identityStatements(template: Template): Statement[] {
  const docs = [
    ...Object.values(template.findResources('AWS::IAM::ManagedPolicy')).map(
      (r) => r.Properties.PolicyDocument,
    ),
    ...Object.values(template.findResources('AWS::IAM::Policy')).map((r) => r.Properties.PolicyDocument),
    ...Object.values(template.findResources('AWS::IAM::Role')).flatMap((r) =>
      (r.Properties.Policies ?? []).map((p: { PolicyDocument: unknown }) => p.PolicyDocument),
    ),
  ];
  return docs.flatMap((d) => d.Statement as Statement[]);
}
const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
const runnerStatements = () =>
  Object.values(runner.findResources('AWS::IAM::ManagedPolicy'))[0]?.Properties.PolicyDocument
    .Statement as Statement[];

describe('runner permissions', () => {
  it.each([
    ['runner', runner],
    ['member-account', member],
  ])('grants no "*" action on a "*" resource in the %s stack', (_, template) => {
    const statements = identityStatements(template);
    expect(statements.length).toBeGreaterThan(0);
    const starOnStar = statements.filter(
      (s) => asList(s.Action).includes('*') && asList(s.Resource as string | string[]).includes('*'),
    );
    expect(starOnStar).toEqual([]);
  });

  it.each([
    ['runner', runner],
    ['member-account', member],
  ])('names every action in the %s stack: no "*" and no "service:*"', (_, template) => {
    const actions = identityStatements(template).flatMap((s) => asList(s.Action));
    expect(actions.filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
  });

  it('never lets the runner bypass Object Lock or delete audit objects', () => {
    const actions = runnerStatements().flatMap((s) => asList(s.Action));
    expect(actions).not.toContain('s3:BypassGovernanceRetention');
    expect(actions).not.toContain('s3:PutObjectRetention');
    const audit = runnerStatements().find((s) => s.Sid === 'AuditAppend');
    expect(audit?.Action).toEqual(['s3:GetObject', 's3:PutObject']);
  });

  it('gives the Lambda and task roles the same runner policy', () => {
    for (const [name, service] of [
      ['escher-runner-lambda', 'lambda.amazonaws.com'],
      ['escher-runner-task', 'ecs-tasks.amazonaws.com'],
    ]) {
      runner.hasResourceProperties('AWS::IAM::Role', {
        RoleName: name,
        AssumeRolePolicyDocument: {
          Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: service } }],
          Version: '2012-10-17',
        },
        ManagedPolicyArns: [{ Ref: Match.stringLikeRegexp('^PermissionsRunnerPolicy') }],
      });
    }
  });

  it('reads /escher parameters only, and decrypts with the secrets key only through SSM', () => {
    const bySid = Object.fromEntries(runnerStatements().map((s) => [s.Sid, s]));
    expect(bySid.ReadSecrets).toEqual({
      Sid: 'ReadSecrets',
      Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'],
      Resource: [
        {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':ssm:eu-central-1:',
              { Ref: 'AWS::AccountId' },
              ':parameter/escher',
            ],
          ],
        },
        {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':ssm:eu-central-1:',
              { Ref: 'AWS::AccountId' },
              ':parameter/escher/*',
            ],
          ],
        },
      ],
    });
    expect(bySid.DecryptSecrets).toEqual({
      Sid: 'DecryptSecrets',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^SecretsKey/), 'Arn'] },
      Condition: {
        StringEquals: {
          'kms:ViaService': { 'Fn::Join': ['', ['ssm.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
        },
      },
    });
  });

  it('creates no SSM parameter: secret values are put by the CLI, never by the template', () => {
    runner.resourceCountIs('AWS::SSM::Parameter', 0);
  });

  it('creates a rotating key for the SecureStrings, kept when the stack is destroyed', () => {
    runner.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({
        Description: 'Encrypts the Escher SecureString parameters under /escher',
        EnableKeyRotation: true,
      }),
      DeletionPolicy: 'Retain',
    });
    runner.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/escher-secrets' });
  });

  it('lists statements in a fixed order: own resources, reads, jobs, then enabled remediations', () => {
    expect(runnerStatements().map((s) => s.Sid)).toEqual([
      'StateReadWrite',
      'StateList',
      'AuditAppend',
      'ReadSecrets',
      'DecryptSecrets',
      'Notify',
      'NotifyEncrypt',
      'AssumeMemberAccountRoles',
      'ReadCost',
      'ReadMetrics',
      'ReadInventory',
      'ReadDatabases',
      'ReadBucketExposure',
      'JobDevNightlyStopComputeInstance',
      'RemediateAwsS3BlockPublicAccess',
      'RemediateAwsEc2StopInstance',
      'RemediateAwsEc2StopInstance1',
    ]);
  });

  it('grants remediation actions only for the enabled catalog entries', () => {
    const actions = runnerStatements().flatMap((s) => asList(s.Action));
    expect(actions).toContain('s3:PutBucketPublicAccessBlock');
    expect(actions).not.toContain('ec2:RevokeSecurityGroupIngress');
    expect(actions).not.toContain('ec2:EnableEbsEncryptionByDefault');
    expect(actions).not.toContain('rds:ModifyDBInstance');
  });

  it('limits the job stop call by the job tag selector', () => {
    expect(runnerStatements().find((s) => s.Sid === 'JobDevNightlyStopComputeInstance')).toEqual({
      Sid: 'JobDevNightlyStopComputeInstance',
      Effect: 'Allow',
      Action: 'ec2:StopInstances',
      Resource: {
        'Fn::Join': [
          '',
          ['arn:', { Ref: 'AWS::Partition' }, ':ec2:*:', { Ref: 'AWS::AccountId' }, ':instance/*'],
        ],
      },
      Condition: {
        StringEquals: { 'aws:ResourceTag/env': 'dev' },
        StringNotEquals: { 'aws:ResourceTag/escher:skip': 'true' },
      },
    });
  });
});

describe('member-account stack', () => {
  it('creates one role trusted only by the two runner roles of the runner account', () => {
    member.resourceCountIs('AWS::IAM::Role', 1);
    member.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'escher-member-access',
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: {
              AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:root']] },
            },
            Condition: {
              ArnEquals: {
                'aws:PrincipalArn': [
                  {
                    'Fn::Join': [
                      '',
                      ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:role/escher-runner-lambda'],
                    ],
                  },
                  {
                    'Fn::Join': [
                      '',
                      ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:role/escher-runner-task'],
                    ],
                  },
                ],
              },
            },
          },
        ],
        Version: '2012-10-17',
      },
    });
  });

  it('grants the member role the reads, jobs and remediations, but nothing of the runner’s own resources', () => {
    const sids = identityStatements(member).map((s) => s.Sid);
    expect(sids).toEqual([
      'ReadCost',
      'ReadMetrics',
      'ReadInventory',
      'ReadDatabases',
      'ReadBucketExposure',
      'JobDevNightlyStopComputeInstance',
      'RemediateAwsS3BlockPublicAccess',
      'RemediateAwsEc2StopInstance',
      'RemediateAwsEc2StopInstance1',
    ]);
  });
});
