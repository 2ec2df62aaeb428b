// Deploys the synthesized templates into moto's CloudFormation (started by the runtime's
// emulator launcher) and checks, through each service's own API, what the emulator really
// created. moto accepts the whole template but only builds part of it; README.md lists both.

import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import {
  DescribeRuleCommand,
  EventBridgeClient,
  ListTargetsByRuleCommand,
} from '@aws-sdk/client-eventbridge';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchMoto } from '../../runtime/test/support/emulators/moto.js';
import type { RunningEmulator } from '../../runtime/test/support/emulators/types.js';
import { EVENT_SOURCES } from '../src/event-sources.js';
import { synthesize } from './support/synth.js';

/** Resource types moto's CloudFormation accepts but does not create (it logs "not supported"). */
const MOTO_UNSUPPORTED_TYPES = [
  'AWS::CloudWatch::Alarm',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::S3::BucketPolicy',
  'AWS::SNS::Subscription',
  'AWS::SNS::TopicPolicy',
  'AWS::SQS::QueuePolicy',
  'AWS::Scheduler::Schedule',
];

const { runner, member, config } = synthesize();
let moto: RunningEmulator;
let clientConfig: object;
const created: Record<string, Map<string, string>> = {};
const statuses: Record<string, string | undefined> = {};

async function deploy(stackName: string, template: object): Promise<string | undefined> {
  const cfn = new CloudFormationClient(clientConfig);
  await cfn.send(
    new CreateStackCommand({
      StackName: stackName,
      TemplateBody: JSON.stringify(template),
      Capabilities: ['CAPABILITY_NAMED_IAM'],
    }),
  );
  let status: string | undefined;
  for (let i = 0; i < 120; i++) {
    status = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0]?.StackStatus;
    if (!status?.endsWith('_IN_PROGRESS')) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const resources = (await cfn.send(new ListStackResourcesCommand({ StackName: stackName })))
    .StackResourceSummaries;
  created[stackName] = new Map(
    (resources ?? [])
      .filter((r) => r.ResourceType && r.LogicalResourceId)
      .map((r) => [r.LogicalResourceId as string, r.PhysicalResourceId ?? '']),
  );
  return status;
}

const physicalId = (stack: string, logicalPrefix: string) =>
  [...(created[stack] ?? new Map()).entries()].find(([logical]) => logical.startsWith(logicalPrefix))?.[1];

const templateTypes = (template: typeof runner) =>
  Object.fromEntries(
    Object.entries(template.toJSON().Resources as Record<string, { Type: string }>).map(([id, r]) => [
      id,
      r.Type,
    ]),
  );

beforeAll(async () => {
  moto = await launchMoto();
  clientConfig = {
    endpoint: moto.endpoint,
    region: config.aws.region,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    forcePathStyle: true,
  };
  // What `cdk bootstrap` leaves behind and the template's CheckBootstrapVersion rule reads.
  await new SSMClient(clientConfig).send(
    new PutParameterCommand({ Name: '/cdk-bootstrap/hnb659fds/version', Value: '30', Type: 'String' }),
  );
  statuses.runner = await deploy('escher-runner', runner.toJSON());
  statuses.member = await deploy('escher-member-access', member.toJSON());
});

afterAll(async () => {
  await moto?.stop();
});

describe('the synthesized stacks on the local AWS emulator (moto)', () => {
  it('creates the runner stack', () => {
    expect(statuses.runner).toBe('CREATE_COMPLETE');
  });

  it('creates every resource except the types moto does not support', () => {
    const types = templateTypes(runner);
    const notCreated = Object.keys(types).filter((id) => !created['escher-runner']?.has(id));
    expect([...new Set(notCreated.map((id) => types[id]))].sort()).toEqual(MOTO_UNSUPPORTED_TYPES);
    expect(created['escher-runner']?.size).toBe(
      Object.values(types).filter((t) => !MOTO_UNSUPPORTED_TYPES.includes(t)).length,
    );
  });

  it('creates the three buckets with default encryption', async () => {
    const s3 = new S3Client(clientConfig);
    for (const prefix of ['State3', 'StateAudit', 'StateAccessLogs']) {
      const Bucket = physicalId('escher-runner', prefix);
      const encryption = await s3.send(new GetBucketEncryptionCommand({ Bucket }));
      expect(
        encryption.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault,
      ).toEqual({
        SSEAlgorithm: 'AES256',
      });
    }
  });

  it('creates the function with its role, reserved concurrency, limits and runner environment', async () => {
    const fn = await new LambdaClient(clientConfig).send(
      new GetFunctionCommand({ FunctionName: 'escher-realtime' }),
    );
    expect(fn.Concurrency?.ReservedConcurrentExecutions).toBe(5);
    expect(fn.Configuration?.MemorySize).toBe(2048);
    expect(fn.Configuration?.Timeout).toBe(300);
    expect(fn.Configuration?.Role).toBe(`arn:aws:iam::123456789012:role/escher-runner-lambda`);
    expect(fn.Configuration?.Environment?.Variables?.ESCHER_SECRETS).toBe('ssm:///escher');
    expect(fn.Configuration?.Environment?.Variables?.ESCHER_CONFIG).toBe(JSON.stringify(config));
    expect(fn.Configuration?.Environment?.Variables?.ESCHER_STORE).toBe(
      `s3://${physicalId('escher-runner', 'State3')}/state`,
    );
  });

  it('creates the event rules with their patterns, and targets carrying the DLQ and retry policy', async () => {
    const events = new EventBridgeClient(clientConfig);
    for (const source of EVENT_SOURCES) {
      const rule = await events.send(new DescribeRuleCommand({ Name: `escher-${source.id}` }));
      expect(rule.State).toBe('ENABLED');
      const targets = await events.send(new ListTargetsByRuleCommand({ Rule: `escher-${source.id}` }));
      expect(targets.Targets).toEqual([
        {
          Id: 'Target0',
          Arn: 'arn:aws:lambda:eu-central-1:123456789012:function:escher-realtime',
          DeadLetterConfig: { Arn: 'arn:aws:sqs:eu-central-1:123456789012:escher-realtime-dlq' },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 },
        },
      ]);
    }
    const alarms = await events.send(new DescribeRuleCommand({ Name: 'escher-CloudWatchAlarms' }));
    expect(JSON.parse(alarms.EventPattern ?? '{}')).toEqual({
      source: ['aws.cloudwatch'],
      'detail-type': ['CloudWatch Alarm State Change'],
      detail: { alarmName: [{ 'anything-but': { prefix: 'escher-' } }] },
    });
  });

  it('registers the Fargate task definition with the runner container and the task command', async () => {
    const described = await new ECSClient(clientConfig).send(
      new DescribeTaskDefinitionCommand({ taskDefinition: physicalId('escher-runner', 'ScheduledTask') }),
    );
    const container = described.taskDefinition?.containerDefinitions?.[0];
    expect(container?.name).toBe('runner');
    expect(container?.command).toEqual(['task']);
    expect(described.taskDefinition?.memory).toBe('2048');
  });

  it('creates the member-account stack with its role', () => {
    expect(statuses.member).toBe('CREATE_COMPLETE');
    expect(physicalId('escher-member-access', 'Role')).toBe('escher-member-access');
  });
});
