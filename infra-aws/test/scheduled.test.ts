import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { scheduledTriggers } from '../src/scheduled-triggers.js';
import { synthesize } from './support/synth.js';

const { runner, config } = synthesize();
const taskDefRef = { Ref: Match.stringLikeRegexp('^ScheduledTask') };
const clusterArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduledCluster'), 'Arn'] };

function overrides(trigger: object): string {
  return JSON.stringify({
    containerOverrides: [
      { name: 'runner', environment: [{ name: 'ESCHER_TRIGGER', value: JSON.stringify(trigger) }] },
    ],
  });
}

const expectedTarget = (trigger: object) => ({
  Arn: clusterArn,
  RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduledSchedulerRole'), 'Arn'] },
  Input: overrides(trigger),
  DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduleDeadLetters'), 'Arn'] } },
  RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
  EcsParameters: {
    TaskDefinitionArn: taskDefRef,
    LaunchType: 'FARGATE',
    PlatformVersion: 'LATEST',
    TaskCount: 1,
    NetworkConfiguration: {
      AwsvpcConfiguration: {
        AssignPublicIp: 'ENABLED',
        SecurityGroups: [
          { 'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduledNetworkTaskSecurityGroup'), 'GroupId'] },
        ],
        Subnets: [
          { Ref: Match.stringLikeRegexp('^ScheduledNetworkVpcpublicSubnet1') },
          { Ref: Match.stringLikeRegexp('^ScheduledNetworkVpcpublicSubnet2') },
        ],
      },
    },
  },
});

describe('scheduled path', () => {
  it('creates one schedule per job, the due tick, one for the report and one for maintenance', () => {
    expect(config.jobs.length).toBeGreaterThan(0);
    runner.resourceCountIs('AWS::Scheduler::Schedule', config.jobs.length + 3);
  });

  it('ticks every 15 minutes with the due trigger, for job runs a snooze delayed', () => {
    runner.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: expectedTarget({ kind: 'due' }),
    });
  });

  it('adds no due tick to a deployment without jobs', () => {
    expect(scheduledTriggers({ ...config, jobs: [] }).map((t) => t.id)).toEqual(['Report', 'Maintenance']);
  });

  it('schedules each job in its own time zone, passing the job trigger with the planned time', () => {
    runner.hasResourceProperties('AWS::Scheduler::Schedule', {
      Description: 'Escher job dev-nightly-stop: stop env=dev AND NOT escher:skip=true',
      ScheduleExpression: 'cron(0 20 ? * 2-6 *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: expectedTarget({
        kind: 'job',
        job: 'dev-nightly-stop',
        scheduled_for: '<aws.scheduler.scheduled-time>',
      }),
    });
  });

  it('schedules the 2am report and maintenance in the report time zone', () => {
    runner.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'America/New_York',
      Target: expectedTarget({ kind: 'report' }),
    });
    runner.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      ScheduleExpressionTimezone: 'America/New_York',
      Target: expectedTarget({ kind: 'maintenance' }),
    });
  });

  it('runs the runner image on Fargate with the task command and the runner environment', () => {
    runner.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Family: 'escher-runner',
      Cpu: '1024',
      Memory: '2048',
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
      TaskRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PermissionsTaskRole'), 'Arn'] },
      ContainerDefinitions: [
        Match.objectLike({
          Name: 'runner',
          Essential: true,
          Command: ['task'],
          Environment: [
            { Name: 'ESCHER_STORE', Value: Match.anyValue() },
            { Name: 'ESCHER_AUDIT_STORE', Value: Match.anyValue() },
            { Name: 'ESCHER_SECRETS', Value: 'ssm:///escher' },
            { Name: 'ESCHER_NOTIFY_TOPIC_ARN', Value: Match.anyValue() },
            { Name: 'ESCHER_CONFIG', Value: JSON.stringify(config) },
          ],
          LogConfiguration: {
            LogDriver: 'awslogs',
            Options: {
              'awslogs-group': { Ref: Match.stringLikeRegexp('^ScheduledLogs') },
              'awslogs-stream-prefix': 'task',
              'awslogs-region': 'eu-central-1',
            },
          },
        }),
      ],
    });
  });

  it('turns on Container Insights for the cluster', () => {
    runner.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterName: 'escher',
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
  });

  it('allows the scheduler only to run this task definition on this cluster and pass its two roles', () => {
    runner.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' } },
        ],
      },
      Policies: [
        {
          PolicyName: 'RunRunnerTask',
          PolicyDocument: {
            Statement: [
              {
                Sid: 'RunRunnerTask',
                Action: 'ecs:RunTask',
                Effect: 'Allow',
                Resource: taskDefRef,
                Condition: { ArnEquals: { 'ecs:cluster': clusterArn } },
              },
              {
                Sid: 'PassRunnerRoles',
                Action: 'iam:PassRole',
                Effect: 'Allow',
                Resource: [
                  { 'Fn::GetAtt': [Match.stringLikeRegexp('^PermissionsTaskRole'), 'Arn'] },
                  { 'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduledExecutionRole'), 'Arn'] },
                ],
                Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
              },
              {
                Sid: 'DeadLetter',
                Action: 'sqs:SendMessage',
                Effect: 'Allow',
                Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduleDeadLetters'), 'Arn'] },
              },
            ],
            Version: '2012-10-17',
          },
        },
      ],
    });
  });

  it('puts tasks in two public subnets without NAT, with flow logs and an inbound-closed security group', () => {
    runner.resourceCountIs('AWS::EC2::Subnet', 2);
    runner.resourceCountIs('AWS::EC2::NatGateway', 0);
    runner.resourcePropertiesCountIs('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false }, 2);
    runner.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
    });
    const groups = Object.values(runner.findResources('AWS::EC2::SecurityGroup'));
    expect(groups).toHaveLength(1);
    expect(groups[0]?.Properties.SecurityGroupIngress).toBeUndefined();
    expect(groups[0]?.Properties.SecurityGroupEgress).toEqual([
      { CidrIp: '0.0.0.0/0', Description: 'Allow all outbound traffic by default', IpProtocol: '-1' },
    ]);
  });

  it('keeps task logs and flow logs for a month', () => {
    runner.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/escher/escher/scheduled',
      RetentionInDays: 30,
    });
    runner.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 3);
  });
});
