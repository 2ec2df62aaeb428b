import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupRulesCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateBucketCommand,
  GetBucketAclCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
} from '@aws-sdk/client-s3';
import type { AlertRecord } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTrigger } from '../../src/runner/handle-trigger.js';
import { testRig } from './support/deps.js';
import { seedBucket } from './support/estate.js';
import { bucketMadePublic, idleAlarm, sshOpenedToWorld } from './support/events.js';
import { type Moto, startMoto } from './support/moto.js';
import { REMEDIATED_TIMELINE } from './support/timeline.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto.stop();
});

async function publicBucket(bucket: string): Promise<void> {
  await moto.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await moto.s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' }));
  const Policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Public',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${bucket}/*`,
      },
    ],
  });
  await moto.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy }));
}

const aclUris = async (bucket: string) =>
  ((await moto.s3.send(new GetBucketAclCommand({ Bucket: bucket }))).Grants ?? []).map(
    (g) => g.Grantee?.URI ?? g.Grantee?.Type,
  );

function onlyAlert(result: Awaited<ReturnType<typeof handleTrigger>>): AlertRecord {
  expect(result.status).toBe('done');
  const item = result.items[0];
  if (item?.status !== 'done' || !item.alert)
    throw new Error(`expected a done item, got ${JSON.stringify(result.items)}`);
  return item.alert;
}

describe('the remediation pipeline on AWS (moto)', () => {
  it('makes a public PII bucket private, verifies it, notifies CRITICAL resolved and records the operation and audit', async () => {
    const rig = testRig(moto);
    await publicBucket('acme-customer-pii');
    await seedBucket(rig.deps.state, 'acme-customer-pii', {
      data_classification: 'PII',
      environment: 'prod',
    });

    const alert = onlyAlert(
      await handleTrigger({ kind: 'event', event: bucketMadePublic('acme-customer-pii') }, rig.deps),
    );

    expect(alert.severity).toBe('CRITICAL');
    expect(alert.severity_reason).toBe('rule "any public bucket is CRITICAL"');
    expect(alert.enrichment).toMatchObject({
      environment: 'production',
      data_classification: 'PII',
      in_estate: true,
    });
    expect(alert.status).toBe('remediated');
    expect(alert.analysis.info).toEqual({
      analyst: 'builtin',
      fallback_reason: 'no AI server configured',
      attempts: 0,
    });
    expect(alert.actions).toHaveLength(1);
    expect(alert.actions[0]).toMatchObject({
      action: 'aws.s3.block_public_access',
      outcome: 'succeeded',
      verified: true,
      changes: [
        'public access block: all four settings on',
        'removed 1 public ACL grant(s)',
        'removed 1 public policy statement(s)',
      ],
    });
    expect(alert.timeline.map((t) => t.step)).toEqual([...REMEDIATED_TIMELINE]);
    expect(alert.exposure_seconds).toBeGreaterThanOrEqual(0);

    const block = await moto.s3.send(new GetPublicAccessBlockCommand({ Bucket: 'acme-customer-pii' }));
    expect(block.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect(await aclUris('acme-customer-pii')).toEqual(['CanonicalUser']);
    await expect(
      moto.s3.send(new GetBucketPolicyCommand({ Bucket: 'acme-customer-pii' })),
    ).rejects.toMatchObject({
      name: 'NoSuchBucketPolicy',
    });

    expect(rig.sent).toHaveLength(1);
    expect(rig.sent[0]).toMatchObject({
      severity: 'CRITICAL',
      resolved: true,
      dedup_key: alert.id,
      source: 'remediation',
    });
    const opId = alert.actions[0]?.operation_id as string;
    expect(await rig.deps.state.getRecord('executed_operations', opId)).toMatchObject({
      outcome: 'succeeded',
      verified: true,
    });
    expect(await rig.deps.state.getRecord('audit', `audit:${opId}`)).toMatchObject({
      actor: 'runner:test',
      outcome: 'succeeded',
      subject: { collection: 'executed_operations', id: opId },
    });
    expect(await rig.deps.state.getRecord('alerts_events', `alert:${alert.id}`)).toMatchObject({
      status: 'remediated',
    });
  });

  it('revokes SSH open to 0.0.0.0/0 and ::/0 and leaves other rules alone', async () => {
    const rig = testRig(moto);
    const { GroupId } = await moto.ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web' }),
    );
    await moto.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId,
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            IpRanges: [{ CidrIp: '0.0.0.0/0' }],
            Ipv6Ranges: [{ CidrIpv6: '::/0' }],
          },
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        ],
      }),
    );

    const alert = onlyAlert(
      await handleTrigger({ kind: 'event', event: sshOpenedToWorld(GroupId as string) }, rig.deps),
    );

    expect(alert.status).toBe('remediated');
    expect(alert.actions[0]).toMatchObject({
      action: 'aws.ec2.revoke_public_admin_ingress',
      outcome: 'succeeded',
      verified: true,
    });
    const rules = await moto.ec2.send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [GroupId as string] }] }),
    );
    const ingress = (rules.SecurityGroupRules ?? [])
      .filter((r) => !r.IsEgress)
      .map((r) => `${r.FromPort}:${r.CidrIpv4 ?? r.CidrIpv6}`);
    expect(ingress).toEqual(['443:0.0.0.0/0']);
  });

  it('stops an instance whose idle alarm fires', async () => {
    const rig = testRig(moto);
    const run = await moto.ec2.send(
      new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1 }),
    );
    const instanceId = run.Instances?.[0]?.InstanceId as string;

    const alert = onlyAlert(await handleTrigger({ kind: 'event', event: idleAlarm(instanceId) }, rig.deps));

    expect(alert.actions[0]).toMatchObject({
      action: 'aws.ec2.stop_instance',
      outcome: 'succeeded',
      verified: true,
    });
    const described = await moto.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    expect(described.Reservations?.[0]?.Instances?.[0]?.State?.Name).toBe('stopped');
  });

  it('changes nothing in a dry run and says what it would do', async () => {
    const rig = testRig(moto);
    await publicBucket('acme-dry-run');

    const alert = onlyAlert(
      await handleTrigger(
        { kind: 'event', event: bucketMadePublic('acme-dry-run', '3b0e3d1f-0000-4000-8000-0000000000d1') },
        rig.deps,
        {
          dryRun: true,
        },
      ),
    );

    expect(alert.status).toBe('dry_run');
    expect(alert.actions[0]?.outcome).toBe('dry_run');
    expect(alert.actions[0]?.plan).toEqual([
      'turn on all four public access block settings for acme-dry-run',
      'remove ACL grant READ to http://acs.amazonaws.com/groups/global/AllUsers',
      'remove policy statement Public allowing Principal *',
    ]);
    expect(await aclUris('acme-dry-run')).toContain('http://acs.amazonaws.com/groups/global/AllUsers');
    await expect(
      moto.s3.send(new GetPublicAccessBlockCommand({ Bucket: 'acme-dry-run' })),
    ).rejects.toMatchObject({
      name: 'NoSuchPublicAccessBlockConfiguration',
    });
    expect(rig.sent).toEqual([]);
    expect(await rig.store.list('')).toEqual([]);
  });
});
