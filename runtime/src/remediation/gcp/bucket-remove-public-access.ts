// Catalog entry gcp.storage.remove_public_access: public access prevention is enforced on
// the bucket first (it blocks allUsers/allAuthenticatedUsers at once, whatever the policy
// says), then those members are removed from every binding of the bucket's IAM policy,
// written back with the policy's etag so a concurrent change is not overwritten.

import type { Bucket } from '@google-cloud/storage';
import { type CatalogExecutor, type ExecutorContext, noneLeft } from '../executor.js';
import type { GcpRemediationClients } from './clients.js';
import { gcpCall } from './errors.js';

const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

/** A bucket name, or a path ending in "buckets/<name>". */
export const bucketName = (resourceId: string) =>
  resourceId.split('/buckets/').pop()?.split('/')[0] || resourceId;

interface Exposure {
  enforced: boolean;
  publicBindings: { role: string; members: string[] }[];
}

async function exposure(bucket: Bucket): Promise<Exposure> {
  const [metadata] = await gcpCall(`bucket ${bucket.name}`, () => bucket.getMetadata());
  const [policy] = await gcpCall(`IAM policy of bucket ${bucket.name}`, () =>
    bucket.iam.getPolicy({ requestedPolicyVersion: 3 }),
  );
  const publicBindings = (policy.bindings ?? [])
    .map((b) => ({ role: b.role, members: (b.members ?? []).filter((m: string) => PUBLIC_MEMBERS.has(m)) }))
    .filter((b) => b.members.length > 0);
  return { enforced: metadata.iamConfiguration?.publicAccessPrevention === 'enforced', publicBindings };
}

const bucketOf = ({ target }: ExecutorContext, c: GcpRemediationClients) =>
  c.storage.bucket(bucketName(target.resource_id));
const describe = (e: Exposure) => [
  ...(e.enforced ? [] : ['public access prevention is not enforced']),
  ...e.publicBindings.map((b) => `${b.members.join(', ')} hold ${b.role}`),
];

export const bucketRemovePublicAccess: CatalogExecutor<GcpRemediationClients> = {
  id: 'gcp.storage.remove_public_access',
  undo: 'Set publicAccessPrevention back to "inherited" and re-add the removed bindings listed in the operation record; this re-exposes the data.',

  async check(ctx, c) {
    const e = await exposure(bucketOf(ctx, c));
    const exposed = e.publicBindings.length > 0;
    return {
      needed: exposed || !e.enforced,
      reason: describe(e).join('; ') || 'public access prevention enforced and no public binding',
      plan: [
        ...(e.enforced ? [] : ['enforce public access prevention']),
        ...e.publicBindings.map((b) => `remove ${b.members.join(', ')} from ${b.role}`),
      ],
    };
  },

  async apply(ctx, c) {
    const bucket = bucketOf(ctx, c);
    const changes: string[] = [];
    const e = await exposure(bucket);
    if (!e.enforced) {
      await gcpCall(`bucket ${bucket.name}`, () =>
        bucket.setMetadata({ iamConfiguration: { publicAccessPrevention: 'enforced' } }),
      );
      changes.push('enforced public access prevention');
    }
    if (e.publicBindings.length > 0) {
      await gcpCall(`IAM policy of bucket ${bucket.name}`, async () => {
        const [policy] = await bucket.iam.getPolicy({ requestedPolicyVersion: 3 });
        const bindings = (policy.bindings ?? [])
          .map((b) => ({ ...b, members: (b.members ?? []).filter((m: string) => !PUBLIC_MEMBERS.has(m)) }))
          .filter((b) => b.members.length > 0);
        await bucket.iam.setPolicy({ ...policy, bindings });
      });
      changes.push(...e.publicBindings.map((b) => `removed ${b.members.join(', ')} from ${b.role}`));
    }
    return { changes };
  },

  async verify(ctx, c) {
    const found = describe(await exposure(bucketOf(ctx, c)));
    return noneLeft(found, 'public access prevention enforced; no public binding', 'still exposed');
  },
};
