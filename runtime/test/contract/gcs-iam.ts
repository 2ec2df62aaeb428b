// Cloud Storage JSON API routes that fake-gcs-server does not serve: its router has no
// /storage/v1/b/{bucket}/iam routes (bucket IAM answers 404, fsouza/fake-gcs-server#1257), and
// its bucket PATCH (where present) only updates versioning and defaultEventBasedHold, so
// neither the IAM policy nor iamConfiguration.publicAccessPrevention can be changed there.
// Routes: "Buckets: getIamPolicy / setIamPolicy" (GET/PUT …/iam, etag-checked: a stale etag
// is 412 conditionNotMet), "Buckets: get / patch" for publicAccessPrevention, and
// "Buckets: list" (?project=, required; every bucket here belongs to the one project), and
// "BucketAccessControls: list" (legacy ACL; 400 while uniform bucket-level access is on).

import type { ContractRequest, ContractResponse, Route } from './server.js';

export interface Binding {
  role: string;
  members: string[];
  condition?: { title: string; expression: string };
}

export interface FakeBucket {
  name: string;
  publicAccessPrevention: 'inherited' | 'enforced';
  uniformBucketLevelAccess: boolean;
  bindings: Binding[];
  /** Legacy bucket ACL entries; they only apply while uniform bucket-level access is off. */
  acl?: { entity: string; role: 'READER' | 'WRITER' | 'OWNER' }[];
  /** Bumped by every policy write; the etag is derived from it. */
  policyVersion: number;
}

export interface GcsIamState {
  buckets: Map<string, FakeBucket>;
  routes: Route[];
}

const etagOf = (b: FakeBucket) => Buffer.from(`policy-${b.policyVersion}`).toString('base64');

function bucketBody(b: FakeBucket) {
  return {
    kind: 'storage#bucket',
    id: b.name,
    selfLink: `https://www.googleapis.com/storage/v1/b/${b.name}`,
    projectNumber: '123456789012',
    name: b.name,
    metageneration: '1',
    location: 'EU',
    storageClass: 'STANDARD',
    etag: 'CAE=',
    iamConfiguration: {
      bucketPolicyOnly: { enabled: b.uniformBucketLevelAccess },
      uniformBucketLevelAccess: { enabled: b.uniformBucketLevelAccess },
      publicAccessPrevention: b.publicAccessPrevention,
    },
  };
}

const policyBody = (b: FakeBucket) => ({
  kind: 'storage#policy',
  resourceId: `projects/_/buckets/${b.name}`,
  version: b.bindings.some((x) => x.condition) ? 3 : 1,
  etag: etagOf(b),
  bindings: b.bindings,
});

const error = (code: number, reason: string, message: string): ContractResponse => ({
  status: code,
  body: { error: { code, message, errors: [{ domain: 'global', reason, message }] } },
});
const noBucket = () => error(404, 'notFound', 'The specified bucket does not exist.');

export function gcsIam(): GcsIamState {
  const buckets = new Map<string, FakeBucket>();
  const find = (req: ContractRequest) => buckets.get(req.params.bucket as string);
  return {
    buckets,
    routes: [
      {
        method: 'GET',
        path: '/storage/v1/b',
        handler: (req) =>
          req.query.get('project')
            ? { status: 200, body: { kind: 'storage#buckets', items: [...buckets.values()].map(bucketBody) } }
            : error(400, 'required', 'Required parameter: project'),
      },
      {
        method: 'GET',
        path: '/storage/v1/b/{bucket}',
        handler: (req) =>
          find(req) ? { status: 200, body: bucketBody(find(req) as FakeBucket) } : noBucket(),
      },
      {
        method: 'PATCH',
        path: '/storage/v1/b/{bucket}',
        handler: (req) => {
          const b = find(req);
          if (!b) return noBucket();
          const pap = (req.json as { iamConfiguration?: { publicAccessPrevention?: unknown } })
            ?.iamConfiguration?.publicAccessPrevention;
          if (pap !== undefined) {
            if (pap !== 'enforced' && pap !== 'inherited')
              return error(400, 'invalid', `Invalid value for publicAccessPrevention: ${String(pap)}`);
            b.publicAccessPrevention = pap;
          }
          return { status: 200, body: bucketBody(b) };
        },
      },
      {
        method: 'GET',
        path: '/storage/v1/b/{bucket}/acl',
        handler: (req) => {
          const b = find(req);
          if (!b) return noBucket();
          if (b.uniformBucketLevelAccess)
            return error(
              400,
              'invalid',
              'Cannot get legacy ACL for a bucket that has uniform bucket-level access. Read more at https://cloud.google.com/storage/docs/uniform-bucket-level-access',
            );
          return {
            status: 200,
            body: {
              kind: 'storage#bucketAccessControls',
              items: (b.acl ?? []).map((a) => ({
                kind: 'storage#bucketAccessControl',
                id: `${b.name}/${a.entity}`,
                bucket: b.name,
                entity: a.entity,
                role: a.role,
                etag: 'CAE=',
              })),
            },
          };
        },
      },
      {
        method: 'GET',
        path: '/storage/v1/b/{bucket}/iam',
        handler: (req) =>
          find(req) ? { status: 200, body: policyBody(find(req) as FakeBucket) } : noBucket(),
      },
      {
        method: 'PUT',
        path: '/storage/v1/b/{bucket}/iam',
        handler: (req) => {
          const b = find(req);
          if (!b) return noBucket();
          const policy = req.json as { etag?: string; bindings?: Binding[] } | undefined;
          if (!policy || !Array.isArray(policy.bindings)) return error(400, 'invalid', 'Invalid policy.');
          if (policy.etag && policy.etag !== etagOf(b))
            return error(412, 'conditionNotMet', 'Precondition Failed');
          const adds = policy.bindings.some((x) =>
            x.members.some((m) => m === 'allUsers' || m === 'allAuthenticatedUsers'),
          );
          if (adds && b.publicAccessPrevention === 'enforced') {
            return error(
              412,
              'conditionNotMet',
              'The member bindings allUsers and allAuthenticatedUsers are not allowed since public access prevention is enforced.',
            );
          }
          b.bindings = policy.bindings;
          b.policyVersion++;
          return { status: 200, body: policyBody(b) };
        },
      },
    ],
  };
}

export function addBucket(state: GcsIamState, bucket: Omit<FakeBucket, 'policyVersion'>): FakeBucket {
  const b = { ...bucket, policyVersion: 1 };
  state.buckets.set(b.name, b);
  return b;
}
