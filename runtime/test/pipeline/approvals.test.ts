import { CreateBucketCommand, GetPublicAccessBlockCommand, PutBucketAclCommand } from '@aws-sdk/client-s3';
import { ApprovalRequestSchema } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTrigger } from '../../src/runner/handle-trigger.js';
import { testRig } from './support/deps.js';
import { bucketMadePublic } from './support/events.js';
import { type Moto, startMoto } from './support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto.stop();
});

describe('approvals', () => {
  it('stores an approval request for an action that is not pre-approved, and the next run carries it out once approved', async () => {
    const rig = testRig(moto);
    // Deployed but with the pre-approval setting off: the runner must ask first.
    await rig.deps.state.putRecord('alerts_events', 'settings:remediation', {
      settings: { pre_approvals: {} },
    });
    await moto.s3.send(new CreateBucketCommand({ Bucket: 'needs-approval' }));
    await moto.s3.send(new PutBucketAclCommand({ Bucket: 'needs-approval', ACL: 'public-read' }));
    const event = bucketMadePublic('needs-approval', 'a0000000-0000-4000-8000-000000000001');

    const first = await handleTrigger({ kind: 'event', event }, rig.deps);

    expect(first.items[0]).toMatchObject({
      status: 'done',
      alert: { status: 'pending_approval', actions: [] },
    });
    const [request] = (await rig.deps.state.listRecords('alerts_events', 'approval:')).map((r) =>
      ApprovalRequestSchema.parse(r),
    );
    expect(request).toMatchObject({
      id: 'aws:aws.cloudtrail:a0000000-0000-4000-8000-000000000001|aws.s3.block_public_access|arn:aws:s3:::needs-approval',
      action: 'aws.s3.block_public_access',
      status: 'pending',
      reason: 'make_public_buckets_private: not pre-approved; approval requested',
    });
    await expect(
      moto.s3.send(new GetPublicAccessBlockCommand({ Bucket: 'needs-approval' })),
    ).rejects.toMatchObject({
      name: 'NoSuchPublicAccessBlockConfiguration',
    });

    await rig.deps.state.updateRecord('alerts_events', `approval:${request?.id}`, (r) => ({
      ...r,
      status: 'approved',
      decided_by: 'maria',
    }));
    const next = await handleTrigger(
      { kind: 'event', event: bucketMadePublic('other-bucket-gone', 'a0000000-0000-4000-8000-000000000002') },
      rig.deps,
    );

    expect(next.items[0]).toMatchObject({ status: 'done', id: request?.id, duplicate: false });
    const block = await moto.s3.send(new GetPublicAccessBlockCommand({ Bucket: 'needs-approval' }));
    expect(block.PublicAccessBlockConfiguration?.RestrictPublicBuckets).toBe(true);
    expect(await rig.deps.state.getRecord('alerts_events', `approval:${request?.id}`)).toMatchObject({
      status: 'executed',
    });
    const ops = await rig.deps.state.listRecords('executed_operations', 'op:approval:');
    expect(ops.map((o) => [o.kind, o.outcome, o.verified])).toEqual([['approval', 'succeeded', true]]);
    expect(await rig.deps.state.listRecords('audit', 'audit:op:approval:')).toHaveLength(1);

    const third = await handleTrigger({ kind: 'event', event }, rig.deps);
    expect(third.items).toEqual([expect.objectContaining({ status: 'done', duplicate: true })]);
  });
});
