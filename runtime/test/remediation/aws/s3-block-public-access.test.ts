import {
  CreateBucketCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwsRemediationClients } from '../../../src/remediation/aws/clients.js';
import { ResourceGoneError } from '../../../src/remediation/aws/errors.js';
import { s3BlockPublicAccess } from '../../../src/remediation/aws/s3-block-public-access.js';
import { readBucketPublicState } from '../../../src/remediation/aws/s3-public-state.js';
import { ACCOUNT, CREDENTIALS, type Moto, REGION, startMoto } from '../../pipeline/support/moto.js';
import { contextsIn } from '../executor-context.js';

let moto: Moto;
let clients: AwsRemediationClients;
beforeAll(async () => {
  moto = await startMoto();
  clients = { region: REGION, endpoint: moto.endpoint, credentials: CREDENTIALS };
});

const contextFor = contextsIn({ cloud: 'aws', account: ACCOUNT, region: REGION });
const bucketCtx = (bucket: string) => contextFor(`arn:aws:s3:::${bucket}`, 'object_storage');

const otherStatement = {
  Sid: 'Team',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 's3:GetObject',
};

async function publicBucket(bucket: string): Promise<void> {
  await moto.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await moto.s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' }));
  const publicRead = { Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 's3:GetObject' };
  const Statement = [publicRead, otherStatement].map((s) => ({
    ...s,
    Resource: `arn:aws:s3:::${bucket}/*`,
  }));
  await moto.s3.send(
    new PutBucketPolicyCommand({
      Bucket: bucket,
      Policy: JSON.stringify({ Version: '2012-10-17', Statement }),
    }),
  );
}

describe('readBucketPublicState', () => {
  it('reads the block, the public ACL grant and the public policy statement of a public bucket', async () => {
    await publicBucket('s3-state-public');
    const state = await readBucketPublicState(moto.s3, bucketCtx('s3-state-public').target);
    expect(state.bucket).toBe('s3-state-public');
    expect(state.block).toBeUndefined();
    expect(state.publicGrants.map((g) => [g.Permission, g.Grantee?.URI])).toEqual([
      ['READ', 'http://acs.amazonaws.com/groups/global/AllUsers'],
    ]);
    expect(state.publicStatements.map((s) => s.Sid)).toEqual(['Anyone']);
    expect(state.policy?.Statement.map((s) => s.Sid)).toEqual(['Anyone', 'Team']);
  });

  it('finds nothing public in a new bucket without a policy', async () => {
    await moto.s3.send(new CreateBucketCommand({ Bucket: 's3-state-private' }));
    const state = await readBucketPublicState(moto.s3, bucketCtx('s3-state-private').target);
    expect(state.publicGrants).toEqual([]);
    expect(state.policy).toBeUndefined();
    expect(state.publicStatements).toEqual([]);
  });

  it('names a bucket that no longer exists as gone', async () => {
    const read = readBucketPublicState(moto.s3, bucketCtx('s3-state-never-made').target);
    await expect(read).rejects.toBeInstanceOf(ResourceGoneError);
    await expect(read).rejects.toThrow('S3 bucket s3-state-never-made no longer exists');
  });
});

describe('aws.s3.block_public_access', () => {
  it('blocks public access, removes the public grant and statement, keeps the rest, and verifies', async () => {
    await publicBucket('s3-entry-public');
    const ctx = bucketCtx('s3-entry-public');
    const check = await s3BlockPublicAccess.check(ctx, clients);
    expect(check.needed).toBe(true);
    expect(check.plan).toEqual([
      'turn on all four public access block settings for s3-entry-public',
      'remove ACL grant READ to http://acs.amazonaws.com/groups/global/AllUsers',
      'remove policy statement Anyone allowing Principal *',
    ]);

    const applied = await s3BlockPublicAccess.apply(ctx, clients);
    expect(applied.changes).toEqual([
      'public access block: all four settings on',
      'removed 1 public ACL grant(s)',
      'removed 1 public policy statement(s)',
    ]);
    const block = await moto.s3.send(new GetPublicAccessBlockCommand({ Bucket: 's3-entry-public' }));
    expect(block.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    const policy = await moto.s3.send(new GetBucketPolicyCommand({ Bucket: 's3-entry-public' }));
    expect(JSON.parse(policy.Policy ?? '{}').Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['Team']);

    expect(await s3BlockPublicAccess.verify(ctx, clients)).toEqual({
      ok: true,
      observed: 'public access block fully on; no public ACL grants; no public policy statements',
    });
    expect((await s3BlockPublicAccess.check(ctx, clients)).needed).toBe(false);
  });
});
