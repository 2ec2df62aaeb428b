// AWS operational health facts: EBS snapshots (backups) that ended in error, and
// instances stopped by a state transition the platform reports as an error.

import { DescribeInstancesCommand, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { ConfigError } from '../../errors.js';
import type { Collector } from './collector.js';
import type { HealthFact } from './observations.js';

export const awsHealth: Collector = {
  name: 'aws.health',
  cloud: 'aws',
  section: 'health',
  async collect(scope, ctx) {
    if (!ctx.aws) throw new ConfigError('no AWS credentials configured');
    const ec2 = ctx.aws.ec2(scope);
    const facts: HealthFact[] = [];
    const snaps = await ec2.send(
      new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'status', Values: ['error'] }] }),
    );
    for (const s of snaps.Snapshots ?? []) {
      facts.push({
        kind: 'failed_backup',
        resource_id: s.SnapshotId ?? '',
        name: s.VolumeId ?? s.SnapshotId ?? '',
        region: scope.region,
        detail: `snapshot of ${s.VolumeId ?? 'a volume'} failed${s.StateMessage ? `: ${s.StateMessage}` : ''}`,
      });
    }
    const stopped = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['stopped'] }] }),
    );
    for (const i of (stopped.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      // Only a stop the platform itself caused (e.g. Server.InternalError) is a health problem.
      if (!i.StateReason?.Code?.startsWith('Server.')) continue;
      facts.push({
        kind: 'stopped_service',
        resource_id: i.InstanceId ?? '',
        name: i.Tags?.find((t) => t.Key === 'Name')?.Value ?? i.InstanceId ?? '',
        region: scope.region,
        detail: `stopped: ${i.StateReason.Message ?? i.StateReason.Code}`,
      });
    }
    return { section: 'health', facts };
  },
};
