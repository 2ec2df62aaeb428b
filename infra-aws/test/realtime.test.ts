import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { EVENT_SOURCES } from '../src/event-sources.js';
import { synthesize } from './support/synth.js';

const { runner, config } = synthesize();
const functionRef = { 'Fn::GetAtt': [Match.stringLikeRegexp('^RealtimeFunction'), 'Arn'] };
const dlqArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^RealtimeDeadLetters'), 'Arn'] };

describe('real-time path', () => {
  it('runs the runner image with the lambda command, reserved concurrency and the runner environment', () => {
    runner.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'escher-realtime',
      PackageType: 'Image',
      ImageConfig: { Command: ['lambda'] },
      MemorySize: 2048,
      Timeout: 300,
      ReservedConcurrentExecutions: 5,
      Role: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PermissionsLambdaRole'), 'Arn'] },
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^RealtimeLogs') } },
      Environment: {
        Variables: {
          ESCHER_STORE: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^State') }, '/state']] },
          ESCHER_AUDIT_STORE: {
            'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^StateAudit') }, '/audit']],
          },
          ESCHER_SECRETS: 'ssm:///escher',
          ESCHER_NOTIFY_TOPIC_ARN: { Ref: Match.stringLikeRegexp('^NotificationsTopic') },
          ESCHER_CONFIG: JSON.stringify(config),
        },
      },
    });
  });

  it('sends failed asynchronous invocations to the dead-letter queue after two retries', () => {
    runner.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      DestinationConfig: { OnFailure: { Destination: dlqArn } },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
      Qualifier: '$LATEST',
    });
  });

  it('keeps dead letters encrypted, TLS-only, for 14 days', () => {
    runner.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'escher-realtime-dlq',
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600,
    });
    runner.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: 'sqs:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Resource: dlqArn,
          },
        ]),
      },
    });
  });

  it('creates one rule per supported source, each passing the original event with retries and a DLQ', () => {
    runner.resourcePropertiesCountIs(
      'AWS::Events::Rule',
      { Targets: [Match.objectLike({ Arn: functionRef })] },
      6,
    );
    for (const source of EVENT_SOURCES) {
      runner.hasResourceProperties('AWS::Events::Rule', {
        Name: `escher-${source.id}`,
        State: 'ENABLED',
        Targets: [
          {
            Id: 'Target0',
            Arn: functionRef,
            DeadLetterConfig: { Arn: dlqArn },
            RetryPolicy: { MaximumEventAgeInSeconds: 7200, MaximumRetryAttempts: 8 },
          },
        ],
      });
    }
    const targets = Object.values(runner.findResources('AWS::Events::Rule')).flatMap(
      (r) => r.Properties.Targets,
    );
    for (const target of targets) {
      expect(target.Input).toBeUndefined();
      expect(target.InputPath).toBeUndefined();
      expect(target.InputTransformer).toBeUndefined();
    }
  });

  it('matches the exact patterns of the supported sources', () => {
    const patterns = Object.fromEntries(
      Object.values(runner.findResources('AWS::Events::Rule')).map((r) => [
        r.Properties.Name,
        r.Properties.EventPattern,
      ]),
    );
    expect(patterns['escher-S3PublicAccess']).toEqual({
      source: ['aws.s3'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: {
        eventSource: ['s3.amazonaws.com'],
        eventName: [
          'PutBucketAcl',
          'PutBucketPolicy',
          'DeleteBucketPolicy',
          'PutBucketPublicAccessBlock',
          'DeleteBucketPublicAccessBlock',
        ],
      },
    });
    expect(patterns['escher-SecurityGroups']).toEqual({
      source: ['aws.ec2'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: {
        eventSource: ['ec2.amazonaws.com'],
        eventName: ['AuthorizeSecurityGroupIngress', 'ModifySecurityGroupRules'],
      },
    });
    expect(patterns['escher-CloudWatchAlarms']).toEqual({
      source: ['aws.cloudwatch'],
      'detail-type': ['CloudWatch Alarm State Change'],
      detail: { alarmName: [{ 'anything-but': { prefix: 'escher-' } }] },
    });
    expect(patterns['escher-SecurityHub']).toEqual({
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Imported'],
    });
    expect(patterns['escher-GuardDuty']).toEqual({
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Finding'],
    });
    expect(patterns['escher-ConfigCompliance']).toEqual({
      source: ['aws.config'],
      'detail-type': ['Config Rules Compliance Change'],
    });
  });

  it('lets EventBridge invoke the function only from its own rules', () => {
    runner.resourcePropertiesCountIs(
      'AWS::Lambda::Permission',
      {
        Action: 'lambda:InvokeFunction',
        FunctionName: functionRef,
        Principal: 'events.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RealtimeRule'), 'Arn'] },
      },
      6,
    );
    runner.resourceCountIs('AWS::Lambda::Permission', 6);
  });

  it('keeps the function logs for a month', () => {
    runner.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/escher/escher/realtime',
      RetentionInDays: 30,
    });
  });

  it('refuses at synth a config too large for the Lambda environment', () => {
    const jobs = Array.from({ length: 12 }, (_, i) => ({
      name: `job-${i}`,
      description: 'x'.repeat(300),
      schedule: { cron: '0 20 * * *', timezone: 'UTC' },
      action: 'stop',
      selector: { resource_types: ['compute_instance'], clouds: ['aws'], tags: 'env=dev' },
    }));
    expect(() => synthesize({ ...BASE_CONFIG_FOR_SIZE, jobs })).toThrow(/over Lambda's 4096/);
  });
});

const BASE_CONFIG_FOR_SIZE = {
  home_cloud: 'aws',
  aws: { account: '123456789012', region: 'us-east-1' },
};
