import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthesize } from './support/synth.js';

const { runner } = synthesize();
const topicRef = { Ref: Match.stringLikeRegexp('^NotificationsTopic') };

describe('notifications', () => {
  it('creates one KMS-encrypted topic', () => {
    runner.resourceCountIs('AWS::SNS::Topic', 1);
    runner.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'escher-notifications',
      DisplayName: 'Escher',
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NotificationsKey'), 'Arn'] },
    });
  });

  it('subscribes the e-mail addresses and phone numbers of the config', () => {
    runner.resourceCountIs('AWS::SNS::Subscription', 2);
    runner.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: topicRef,
    });
    runner.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sms',
      Endpoint: '+14155550100',
      TopicArn: topicRef,
    });
  });

  it('refuses publishing without TLS', () => {
    runner.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Sid: 'AllowPublishThroughSSLOnly',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Effect: 'Deny',
            Principal: '*',
            Resource: topicRef,
          },
        ],
        Version: '2012-10-17',
      },
    });
  });

  it('lets CloudWatch alarms use the topic key', () => {
    runner.hasResourceProperties('AWS::KMS::Key', {
      Description: 'Encrypts the Escher notification topic',
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowCloudWatchAlarmsToPublish',
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Resource: '*',
          },
        ]),
      },
    });
  });
});

describe('observability', () => {
  const alarm = (name: string, metric: object) => ({
    AlarmName: name,
    AlarmActions: [topicRef],
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    Threshold: 1,
    EvaluationPeriods: 1,
    Period: 300,
    TreatMissingData: 'notBreaching',
    ...metric,
  });

  it('alarms on Lambda errors', () => {
    runner.hasResourceProperties(
      'AWS::CloudWatch::Alarm',
      alarm('escher-LambdaErrors', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^RealtimeFunction') } }],
      }),
    );
  });

  it.each([
    ['escher-RealtimeDeadLettersDepth', '^RealtimeDeadLetters'],
    ['escher-ScheduleDeadLettersDepth', '^ScheduleDeadLetters'],
    ['escher-TaskFailuresDepth', '^ObservabilityTaskFailures'],
  ])('alarms on the first message in a dead-letter queue (%s)', (name, queue) => {
    runner.hasResourceProperties(
      'AWS::CloudWatch::Alarm',
      alarm(name, {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Statistic: 'Maximum',
        Dimensions: [
          { Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp(queue), 'QueueName'] } },
        ],
      }),
    );
  });

  it('creates exactly these four alarms', () => {
    runner.resourceCountIs('AWS::CloudWatch::Alarm', 4);
  });

  it('captures failed runner tasks of its own cluster into the task-failures queue', () => {
    runner.hasResourceProperties('AWS::Events::Rule', {
      Name: 'escher-task-failed',
      EventPattern: {
        source: ['aws.ecs'],
        'detail-type': ['ECS Task State Change'],
        detail: {
          clusterArn: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduledCluster'), 'Arn'] }],
          lastStatus: ['STOPPED'],
          $or: [{ containers: { exitCode: [{ 'anything-but': 0 }] } }, { stopCode: ['TaskFailedToStart'] }],
        },
      },
      Targets: [
        {
          Id: 'Target0',
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ObservabilityTaskFailures'), 'Arn'] },
        },
      ],
    });
  });

  it('names every alarm with the prefix the real-time rule leaves out', () => {
    const names = Object.values(runner.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties.AlarmName,
    );
    expect(names.every((n: string) => n.startsWith('escher-'))).toBe(true);
  });
});
