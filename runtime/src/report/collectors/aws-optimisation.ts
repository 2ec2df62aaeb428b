// AWS optimisation facts: EC2 instances with their daily CPU, EBS volumes and the
// account's own snapshots.

import {
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type EC2Client,
  type Instance,
  type Tag,
  type Volume,
} from '@aws-sdk/client-ec2';
import { ConfigError } from '../../errors.js';
import { dailyCpu } from './aws-metrics.js';
import type { Collector } from './collector.js';
import { rightsizeWindow } from './metric-window.js';
import type { InstanceFact, SnapshotFact, VolumeFact } from './observations.js';

const AMI_SNAPSHOT = /\bfor (AMI )?ami-[0-9a-f]+/;
const tag = (tags: Tag[] | undefined, key: string) => tags?.find((t) => t.Key === key)?.Value;

async function instances(ec2: EC2Client): Promise<Instance[]> {
  const all: Instance[] = [];
  let token: string | undefined;
  do {
    const out = await ec2.send(new DescribeInstancesCommand({ ...(token ? { NextToken: token } : {}) }));
    for (const r of out.Reservations ?? []) all.push(...(r.Instances ?? []));
    token = out.NextToken;
  } while (token);
  return all.filter((i) => i.State?.Name !== 'terminated');
}

export async function ebsVolumes(ec2: EC2Client, region: string): Promise<VolumeFact[]> {
  const all: Volume[] = [];
  let token: string | undefined;
  do {
    const out = await ec2.send(new DescribeVolumesCommand({ ...(token ? { NextToken: token } : {}) }));
    all.push(...(out.Volumes ?? []));
    token = out.NextToken;
  } while (token);
  return all.map((v) => {
    const environment = tag(v.Tags, 'environment') ?? tag(v.Tags, 'Environment');
    return {
      id: v.VolumeId ?? '',
      name: tag(v.Tags, 'Name') ?? v.VolumeId ?? '',
      region,
      size_gb: v.Size ?? 0,
      encrypted: v.Encrypted === true,
      attached: (v.Attachments ?? []).length > 0,
      volume_type: v.VolumeType ?? 'gp3',
      ...(environment ? { environment } : {}),
    };
  });
}

async function snapshots(ec2: EC2Client, region: string): Promise<SnapshotFact[]> {
  const all: SnapshotFact[] = [];
  let token: string | undefined;
  do {
    const out = await ec2.send(
      new DescribeSnapshotsCommand({ OwnerIds: ['self'], ...(token ? { NextToken: token } : {}) }),
    );
    for (const s of out.Snapshots ?? []) {
      // A snapshot backing an AMI cannot go while the image exists; AWS names the image in its description.
      if (AMI_SNAPSHOT.test(s.Description ?? '')) continue;
      all.push({
        id: s.SnapshotId ?? '',
        region,
        size_gb: s.VolumeSize ?? 0,
        created_at: (s.StartTime ?? new Date(0)).toISOString(),
        ...(s.VolumeId ? { source_volume: s.VolumeId } : {}),
      });
    }
    token = out.NextToken;
  } while (token);
  return all;
}

export const awsOptimisation: Collector = {
  name: 'aws.optimisation',
  cloud: 'aws',
  section: 'optimisation',
  async collect(scope, ctx) {
    if (!ctx.aws) throw new ConfigError('no AWS credentials configured');
    const ec2 = ctx.aws.ec2(scope);
    const [found, volumes, snaps] = await Promise.all([
      instances(ec2),
      ebsVolumes(ec2, scope.region),
      snapshots(ec2, scope.region),
    ]);
    const running = found.filter((i) => i.State?.Name === 'running').map((i) => i.InstanceId ?? '');
    const cpu = await dailyCpu(ctx.aws.cloudWatch(scope), running, rightsizeWindow(ctx), ctx.metricCalls);
    const facts: InstanceFact[] = found.map((i) => {
      const environment = tag(i.Tags, 'environment') ?? tag(i.Tags, 'Environment');
      const createdBy = tag(i.Tags, 'created-by') ?? tag(i.Tags, 'CreatedBy');
      return {
        id: i.InstanceId ?? '',
        name: tag(i.Tags, 'Name') ?? i.InstanceId ?? '',
        region: scope.region,
        size: i.InstanceType ?? 'unknown',
        state: i.State?.Name ?? 'unknown',
        cpu_daily: cpu.get(i.InstanceId ?? '') ?? [],
        ...(environment ? { environment } : {}),
        ...(i.LaunchTime ? { created_at: i.LaunchTime.toISOString() } : {}),
        ...(createdBy ? { created_by: createdBy } : {}),
      };
    });
    return {
      section: 'optimisation',
      instances: facts,
      volumes,
      snapshots: snaps,
      volume_ids: volumes.map((v) => v.id),
    };
  },
};
