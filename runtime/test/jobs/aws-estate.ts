// Seeds EC2 instances in moto and reads them back as estate records, as a collector would.

import {
  CreateTagsCommand,
  DescribeInstancesCommand,
  type EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { type EstateResource, EstateResourceSchema } from '@escher/shared';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
const IMAGE = 'ami-12c6146b';

export async function launch(ec2: EC2Client, count: number, tags: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for (let left = count; left > 0; left -= 500) {
    const n = Math.min(500, left);
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: IMAGE,
        InstanceType: 't3.medium',
        MinCount: n,
        MaxCount: n,
        TagSpecifications: [
          { ResourceType: 'instance', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
        ],
      }),
    );
    ids.push(...(out.Instances ?? []).map((i) => i.InstanceId ?? ''));
  }
  return ids;
}

export async function retag(ec2: EC2Client, ids: string[], tags: Record<string, string>): Promise<void> {
  await ec2.send(
    new CreateTagsCommand({
      Resources: ids,
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
}

/** The estate snapshot: every instance with its tags and state at this moment. */
export async function snapshotEstate(ec2: EC2Client, region = REGION): Promise<EstateResource[]> {
  const out: EstateResource[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ec2.send(new DescribeInstancesCommand({ NextToken, MaxResults: 1000 }));
    for (const i of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      const tags = Object.fromEntries((i.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
      out.push(
        EstateResourceSchema.parse({
          cloud_provider: 'aws',
          resource_type: 'compute_instance',
          account_id: ACCOUNT,
          region,
          resource_id: i.InstanceId,
          native_type: 'AWS::EC2::Instance',
          state: i.State?.Name,
          size: i.InstanceType,
          tags,
          ...(tags.environment === 'production' ? { environment: 'production' } : {}),
        }),
      );
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

/** Counts calls per command name on a client (SDK middleware). */
export function countCalls(client: EC2Client): Map<string, number> {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'escherCallCounter' },
  );
  return counts;
}
