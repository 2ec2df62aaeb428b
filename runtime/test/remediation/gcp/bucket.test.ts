import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bucketRemovePublicAccess as entry } from '../../../src/remediation/gcp/bucket-remove-public-access.js';
import { addBucket, type FakeBucket } from '../../contract/gcs-iam.js';
import { contextFor, type GcpWorld, startGcpWorld } from './setup.js';

let world: GcpWorld;
let bucket: FakeBucket;
beforeAll(async () => {
  world = await startGcpWorld();
});
afterAll(() => world.server.close());
beforeEach(() => {
  world.server.requests.length = 0;
  bucket = addBucket(world.gcs, {
    name: 'acme-customer-exports',
    publicAccessPrevention: 'inherited',
    uniformBucketLevelAccess: true,
    bindings: [
      { role: 'roles/storage.objectViewer', members: ['allUsers', 'group:analysts@acme.example'] },
      { role: 'roles/storage.legacyBucketReader', members: ['allAuthenticatedUsers'] },
      { role: 'roles/storage.admin', members: ['serviceAccount:etl@acme-prod-123.iam.gserviceaccount.com'] },
    ],
  });
});

const ctx = () => contextFor('projects/_/buckets/acme-customer-exports', 'object_storage');
const c = () => world.clients(ctx().target);

describe('gcp.storage.remove_public_access', () => {
  it('sees the public bindings and the missing public access prevention', async () => {
    expect(await entry.check(ctx(), await c())).toEqual({
      needed: true,
      reason:
        'public access prevention is not enforced; allUsers hold roles/storage.objectViewer; allAuthenticatedUsers hold roles/storage.legacyBucketReader',
      plan: [
        'enforce public access prevention',
        'remove allUsers from roles/storage.objectViewer',
        'remove allAuthenticatedUsers from roles/storage.legacyBucketReader',
      ],
    });
  });

  it('enforces public access prevention, removes only the public members, and verifies', async () => {
    const { changes } = await entry.apply(ctx(), await c());
    expect(changes).toEqual([
      'enforced public access prevention',
      'removed allUsers from roles/storage.objectViewer',
      'removed allAuthenticatedUsers from roles/storage.legacyBucketReader',
    ]);
    expect(bucket.publicAccessPrevention).toBe('enforced');
    expect(bucket.bindings).toEqual([
      { role: 'roles/storage.objectViewer', members: ['group:analysts@acme.example'] },
      { role: 'roles/storage.admin', members: ['serviceAccount:etl@acme-prod-123.iam.gserviceaccount.com'] },
    ]);
    expect(await entry.verify(ctx(), await c())).toEqual({
      ok: true,
      observed: 'public access prevention enforced; no public binding',
    });
  });

  it('writes the policy back with the etag it read, and patches only iamConfiguration', async () => {
    await entry.apply(ctx(), await c());
    const put = world.server.requests.find((r) => r.method === 'PUT');
    expect((put?.json as { etag?: string } | undefined)?.etag).toBe(
      Buffer.from('policy-1').toString('base64'),
    );
    const patch = world.server.requests.find((r) => r.method === 'PATCH');
    expect(patch?.json).toEqual({ iamConfiguration: { publicAccessPrevention: 'enforced' } });
  });

  it('needs nothing for a bucket that is already private', async () => {
    bucket.publicAccessPrevention = 'enforced';
    bucket.bindings = bucket.bindings.filter((b) => b.role === 'roles/storage.admin');
    expect(await entry.check(ctx(), await c())).toEqual({
      needed: false,
      reason: 'public access prevention enforced and no public binding',
      plan: [],
    });
  });

  it('reports a deleted bucket as gone', async () => {
    world.gcs.buckets.clear();
    await expect(entry.check(ctx(), await c())).rejects.toMatchObject({
      name: 'ResourceGoneError',
      message: 'bucket acme-customer-exports no longer exists',
    });
  });
});
