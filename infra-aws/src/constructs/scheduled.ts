// The scheduled path: a Fargate task definition running the runner image (`escher task`)
// and one EventBridge Scheduler schedule per job, report and maintenance run, each
// passing its trigger in the container overrides, with retries and a dead-letter queue.

import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import { containerOverridesInput, type ScheduledTrigger } from '../scheduled-triggers.js';
import type { RunnerImage } from './runner-image.js';

export const RUNNER_CONTAINER = 'runner';
export const SCHEDULE_RETRY_ATTEMPTS = 3;
export const SCHEDULE_MAX_EVENT_AGE_SECONDS = 3600;

export interface ScheduledPathProps {
  namePrefix: string;
  image: RunnerImage;
  taskRole: iam.IRole;
  environment: Record<string, string>;
  schedules: readonly ScheduledTrigger[];
  deadLetterQueue: sqs.IQueue;
  logRetention: logs.RetentionDays;
}

export class ScheduledPath extends Construct {
  readonly cluster: ecs.Cluster;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly schedulerRole: iam.Role;
  readonly schedules: scheduler.CfnSchedule[];

  constructor(scope: Construct, id: string, props: ScheduledPathProps) {
    super(scope, id);
    const network = new RunnerNetwork(this, 'Network', { logRetention: props.logRetention });
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: props.namePrefix,
      vpc: network.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    const executionRole = new iam.Role(this, 'ExecutionRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
    });
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {
      family: `${props.namePrefix}-runner`,
      cpu: 1024,
      memoryLimitMiB: 2048,
      taskRole: props.taskRole,
      executionRole,
    });
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/escher/${props.namePrefix}/scheduled`,
      retention: props.logRetention,
    });
    this.taskDefinition.addContainer(RUNNER_CONTAINER, {
      image: props.image.containerImage(),
      command: ['task'],
      environment: props.environment,
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'task' }),
    });
    acknowledge(
      this.taskDefinition,
      'The variables are not secret: store and secret-store URLs and the config; credentials come from SSM at run time.',
      'AwsSolutions-ECS2',
    );

    acknowledge(
      executionRole,
      'ecr:GetAuthorizationToken, added by CDK for the image pull, has no resource-level permission.',
      'AwsSolutions-IAM5[Resource::*]',
    );
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      inlinePolicies: { RunRunnerTask: this.schedulerPolicy(props, executionRole) },
    });
    this.schedules = props.schedules.map(
      (entry) =>
        new scheduler.CfnSchedule(this, entry.id, {
          description: entry.description,
          scheduleExpression: entry.expression,
          scheduleExpressionTimezone: entry.timezone,
          flexibleTimeWindow: { mode: 'OFF' },
          state: 'ENABLED',
          target: {
            arn: this.cluster.clusterArn,
            roleArn: this.schedulerRole.roleArn,
            input: containerOverridesInput(RUNNER_CONTAINER, entry.trigger),
            deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
            retryPolicy: {
              maximumRetryAttempts: SCHEDULE_RETRY_ATTEMPTS,
              maximumEventAgeInSeconds: SCHEDULE_MAX_EVENT_AGE_SECONDS,
            },
            ecsParameters: {
              taskDefinitionArn: this.taskDefinition.taskDefinitionArn,
              launchType: 'FARGATE',
              platformVersion: 'LATEST',
              taskCount: 1,
              networkConfiguration: {
                awsvpcConfiguration: {
                  subnets: network.vpc.publicSubnets.map((s) => s.subnetId),
                  securityGroups: [network.securityGroup.securityGroupId],
                  // Public subnets without a NAT gateway: the task needs a public address to reach
                  // ECR, the clouds and the AI server; the security group admits no inbound traffic.
                  assignPublicIp: 'ENABLED',
                },
              },
            },
          },
        }),
    );
  }

  /** Only RunTask of this task definition on this cluster, passing only its two roles. */
  private schedulerPolicy(props: ScheduledPathProps, executionRole: iam.IRole): iam.PolicyDocument {
    return new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({
          sid: 'RunRunnerTask',
          actions: ['ecs:RunTask'],
          resources: [this.taskDefinition.taskDefinitionArn],
          conditions: { ArnEquals: { 'ecs:cluster': this.cluster.clusterArn } },
        }),
        new iam.PolicyStatement({
          sid: 'PassRunnerRoles',
          actions: ['iam:PassRole'],
          resources: [props.taskRole.roleArn, executionRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
        }),
        new iam.PolicyStatement({
          sid: 'DeadLetter',
          actions: ['sqs:SendMessage'],
          resources: [props.deadLetterQueue.queueArn],
        }),
      ],
    });
  }
}

/** Two public subnets, no NAT gateway (nothing to pay while idle), flow logs on, inbound closed. */
class RunnerNetwork extends Construct {
  readonly vpc: ec2.Vpc;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, { logRetention }: { logRetention: logs.RetentionDays }) {
    super(scope, id);
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', { retention: logRetention });
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false },
      ],
      flowLogs: { all: { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs) } },
    });
    this.securityGroup = new ec2.SecurityGroup(this, 'TaskSecurityGroup', {
      vpc: this.vpc,
      description: 'Escher runner tasks: outbound only',
      allowAllOutbound: true,
    });
  }
}
