// A seeded AWS estate in moto, in an account of its own (reached by AssumeRole, as member
// accounts are), with canned Cost Explorer results and 30 days of CPU metrics.

import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  type _InstanceType,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteVolumeCommand,
  type EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateBucketCommand, PutBucketAclCommand, type S3Client } from '@aws-sdk/client-s3';
import { AwsClients } from '../../../src/clouds/aws/clients.js';
import { addDays } from '../../../src/report/collectors/cost-window.js';
import { awsEnv, emulator, runtimeEnvWith } from '../../support/emulators.js';

export const HOME = '123456789012';
export const REGION = 'us-east-1';

/** A fresh 12-digit account per run, so other tests sharing moto never show up here. */
export const freshAccount = (): string =>
  String(200_000_000_000 + Math.floor(Math.random() * 699_999_999_999));

export function awsClients(): AwsClients {
  // STS for the member role reads the SDK's default chain: moto's test keys.
  Object.assign(process.env, awsEnv());
  return new AwsClients(runtimeEnvWith(awsEnv()), { homeAccount: HOME, memberRole: 'escher-report' });
}

/**
 * The report's clock: the 15th of a month at 02:00 UTC at least 95 days from today, so
 * snapshots moto stamps "now" are older than 90 days, and month-to-date always covers 14 days.
 */
export function reportClock(today = new Date()): Date {
  const d = new Date(today.getTime() + 95 * 86_400_000);
  const clock = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (d.getUTCDate() > 15 ? 1 : 0), 15, 2),
  );
  return clock;
}

/** Yesterday $1,247 (EC2 567, RDS 289, S3 156, Other 235) vs $1,061 the day before; $1,000 every earlier day. */
export const SERVICES_YESTERDAY = {
  'Amazon Elastic Compute Cloud - Compute': 567,
  'Amazon Relational Database Service': 289,
  'Amazon Simple Storage Service': 156,
  Other: 235,
};
export const SERVICES_PREVIOUS = {
  'Amazon Elastic Compute Cloud - Compute': 423,
  'Amazon Relational Database Service': 264,
  'Amazon Simple Storage Service': 144,
  Other: 230,
};
const SERVICES_EARLIER = {
  'Amazon Elastic Compute Cloud - Compute': 500,
  'Amazon Relational Database Service': 250,
  'Amazon Simple Storage Service': 150,
  Other: 100,
};

export async function seedCost(account: string, reportDay: string): Promise<void> {
  const start = `${addDays(reportDay, -1).slice(0, 8)}01`;
  const days: string[] = [];
  for (let d = start; d < reportDay; d = addDays(d, 1)) days.push(d);
  const byTime = days.map((date) => {
    const services =
      date === addDays(reportDay, -1)
        ? SERVICES_YESTERDAY
        : date === addDays(reportDay, -2)
          ? SERVICES_PREVIOUS
          : SERVICES_EARLIER;
    return {
      TimePeriod: { Start: date, End: addDays(date, 1) },
      Total: {},
      Groups: Object.entries(services).map(([k, v]) => ({
        Keys: [k],
        Metrics: { UnblendedCost: { Amount: String(v), Unit: 'USD' } },
      })),
      Estimated: false,
    };
  });
  const res = await fetch(`${emulator('moto').endpoint}/moto-api/static/ce/cost-and-usage-results`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      account_id: account,
      results: [{ ResultsByTime: byTime, DimensionValueAttributes: [] }],
    }),
  });
  if (res.status !== 201) throw new Error(`moto refused the canned cost results: HTTP ${res.status}`);
}

export async function launch(
  ec2: EC2Client,
  type: _InstanceType,
  name: string,
  environment: string,
): Promise<string> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      InstanceType: type,
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [
        {
          ResourceType: 'instance',
          Tags: [
            { Key: 'Name', Value: name },
            { Key: 'environment', Value: environment },
          ],
        },
      ],
    }),
  );
  return out.Instances?.[0]?.InstanceId ?? '';
}

/** One datapoint per day (noon UTC) from 30 days before the report day to the report day, so a next-day report still sees 30. */
export async function seedCpu(
  cw: CloudWatchClient,
  instanceId: string,
  percent: number,
  clock: Date,
): Promise<void> {
  const midnight = Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth(), clock.getUTCDate());
  const data = Array.from({ length: 31 }, (_, i) => ({
    MetricName: 'CPUUtilization',
    Dimensions: [{ Name: 'InstanceId', Value: instanceId }],
    Timestamp: new Date(midnight - i * 86_400_000 + 12 * 3_600_000),
    Value: percent,
    Unit: 'Percent' as const,
  }));
  await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: data }));
}

export async function volume(
  ec2: EC2Client,
  sizeGb: number,
  encrypted: boolean,
  environment: string,
): Promise<string> {
  const out = await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${REGION}a`,
      Size: sizeGb,
      VolumeType: 'gp3',
      Encrypted: encrypted,
      TagSpecifications: [
        {
          ResourceType: 'volume',
          Tags: [
            { Key: 'Name', Value: `data-${sizeGb}` },
            { Key: 'environment', Value: environment },
          ],
        },
      ],
    }),
  );
  return out.VolumeId ?? '';
}

/** A snapshot whose source volume is then deleted. */
export async function orphanSnapshot(ec2: EC2Client, sizeGb: number): Promise<string> {
  const vol = await volume(ec2, sizeGb, true, 'dev');
  const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol }));
  await ec2.send(new DeleteVolumeCommand({ VolumeId: vol }));
  return snap.SnapshotId ?? '';
}

/** A security group letting 0.0.0.0/0 reach the given port. */
export async function openToWorld(ec2: EC2Client, name: string, port: number): Promise<string> {
  const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name }));
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      ],
    }),
  );
  return GroupId ?? '';
}

/** A bucket whose ACL grants READ to AllUsers. */
export async function publicBucket(s3: S3Client, name: string): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  await s3.send(new PutBucketAclCommand({ Bucket: name, ACL: 'public-read' }));
}

export { CloudWatchClient };
