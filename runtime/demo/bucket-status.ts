// What the demo shows about the bucket, read through the S3 API exactly as a user would check it.

import {
  GetBucketAclCommand,
  GetBucketPolicyStatusCommand,
  GetPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

export interface BucketStatus {
  publicAclGrants: number;
  policyIsPublic: boolean;
  blockAll: boolean;
}

const orUndefined = <T>(p: Promise<T>) => p.catch(() => undefined);

export async function bucketStatus(s3: S3Client, bucket: string): Promise<BucketStatus> {
  const [acl, policy, block] = await Promise.all([
    s3.send(new GetBucketAclCommand({ Bucket: bucket })),
    orUndefined(s3.send(new GetBucketPolicyStatusCommand({ Bucket: bucket }))),
    orUndefined(s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))),
  ]);
  const b = block?.PublicAccessBlockConfiguration;
  return {
    publicAclGrants: (acl.Grants ?? []).filter((g) => g.Grantee?.URI === ALL_USERS).length,
    policyIsPublic: policy?.PolicyStatus?.IsPublic === true,
    blockAll: Boolean(
      b?.BlockPublicAcls && b.IgnorePublicAcls && b.BlockPublicPolicy && b.RestrictPublicBuckets,
    ),
  };
}

export const isPublic = (s: BucketStatus) => !s.blockAll && (s.publicAclGrants > 0 || s.policyIsPublic);

export function describeStatus(s: BucketStatus): string {
  return `${isPublic(s) ? 'PUBLIC' : 'private'} (AllUsers ACL grants: ${s.publicAclGrants}, policy public: ${s.policyIsPublic}, public access block: ${s.blockAll ? 'all on' : 'off'})`;
}
