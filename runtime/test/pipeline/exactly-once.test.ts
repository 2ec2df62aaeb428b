import { CreateBucketCommand, PutBucketAclCommand } from '@aws-sdk/client-s3';
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

describe('exactly-once effect', () => {
  it('remediates once and writes one operation and one audit record when the same event arrives 5 times at once', async () => {
    const rig = testRig(moto);
    await moto.s3.send(new CreateBucketCommand({ Bucket: 'dup-bucket' }));
    await moto.s3.send(new PutBucketAclCommand({ Bucket: 'dup-bucket', ACL: 'public-read' }));
    const event = bucketMadePublic('dup-bucket', '5d1f0c3a-0000-4000-8000-000000000005');

    const first = await Promise.all(
      Array.from({ length: 5 }, () => handleTrigger({ kind: 'event', event }, rig.deps)),
    );

    const items = first.map((r) => r.items[0]);
    const acted = items.filter((i) => i?.status === 'done' && !i.duplicate);
    expect(acted).toHaveLength(1);
    // The others either found the lease held (retry later) or, arriving after the end, the work done.
    for (const item of items.filter((i) => i !== acted[0])) {
      if (item?.status === 'retry') {
        expect(item.error.message).toBe(
          'event aws:aws.cloudtrail:5d1f0c3a-0000-4000-8000-000000000005 is being processed by another runner',
        );
      } else {
        expect(item).toMatchObject({ status: 'done', duplicate: true });
      }
    }

    // The platform redelivers the four; each finds the work done and answers success.
    const again = await Promise.all(
      Array.from({ length: 4 }, () => handleTrigger({ kind: 'event', event }, rig.deps)),
    );
    expect(again.map((r) => r.items[0])).toEqual(
      Array.from({ length: 4 }, () => expect.objectContaining({ status: 'done', duplicate: true })),
    );

    const operations = await rig.deps.state.listRecords('executed_operations', 'op:');
    const audits = await rig.deps.state.listRecords('audit', 'audit:');
    expect(operations.map((o) => [o.action, o.outcome])).toEqual([
      ['aws.s3.block_public_access', 'succeeded'],
    ]);
    expect(audits).toHaveLength(1);
    expect(rig.sent).toHaveLength(1);
  });
});
