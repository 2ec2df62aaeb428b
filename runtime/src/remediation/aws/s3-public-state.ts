// Reads what makes an S3 bucket public: its public access block, ACL grants to the
// AllUsers/AuthenticatedUsers groups, and bucket policy statements allowing Principal "*".

import {
  GetBucketAclCommand,
  type GetBucketAclCommandOutput,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  type Grant,
  HeadBucketCommand,
  type PublicAccessBlockConfiguration,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { OperationTarget } from '@escher/shared';
import { awsCall } from './errors.js';

const PUBLIC_GROUPS = new Set([
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
]);

export interface PolicyStatement {
  Effect?: string;
  Principal?: unknown;
  [key: string]: unknown;
}

export interface BucketPublicState {
  bucket: string;
  block?: PublicAccessBlockConfiguration | undefined;
  acl: GetBucketAclCommandOutput;
  publicGrants: Grant[];
  policy?: { Version?: string; Statement: PolicyStatement[] } | undefined;
  publicStatements: PolicyStatement[];
}

export const bucketName = (target: OperationTarget) => target.resource_id.replace(/^arn:aws:s3:::/, '');

export const blockComplete = (b: PublicAccessBlockConfiguration | undefined) =>
  Boolean(b?.BlockPublicAcls && b.IgnorePublicAcls && b.BlockPublicPolicy && b.RestrictPublicBuckets);

export const isPublicGrant = (g: Grant) =>
  g.Grantee?.Type === 'Group' && PUBLIC_GROUPS.has(g.Grantee.URI ?? '');

/** Principal "*" or {"AWS": "*"} (alone or in a list), with Effect Allow. */
export function isPublicStatement(s: PolicyStatement): boolean {
  if (s.Effect !== 'Allow') return false;
  const p = s.Principal;
  if (p === '*') return true;
  if (p && typeof p === 'object') {
    const aws = (p as { AWS?: unknown }).AWS;
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  }
  return false;
}

/**
 * The four reads are independent, so they go out together. Their errors are reported in
 * the order the reads are listed (HeadBucket first), so a missing bucket is named as such
 * whichever call noticed it first.
 */
async function allInOrder<T extends unknown[]>(calls: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(calls);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as T;
}

/** The bucket's public access block alone (undefined when it has none). */
export async function readPublicAccessBlock(
  s3: S3Client,
  target: OperationTarget,
): Promise<PublicAccessBlockConfiguration | undefined> {
  const bucket = bucketName(target);
  const read = await awsCall(
    `S3 bucket ${bucket}`,
    () => s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })),
    ['NoSuchPublicAccessBlockConfiguration'],
  );
  return read?.PublicAccessBlockConfiguration;
}

export async function readBucketPublicState(
  s3: S3Client,
  target: OperationTarget,
): Promise<BucketPublicState> {
  const bucket = bucketName(target);
  const what = `S3 bucket ${bucket}`;
  const [, block, aclRead, policyText] = await allInOrder([
    awsCall(what, () => s3.send(new HeadBucketCommand({ Bucket: bucket }))),
    awsCall(what, () => s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })), [
      'NoSuchPublicAccessBlockConfiguration',
    ]),
    awsCall(what, () => s3.send(new GetBucketAclCommand({ Bucket: bucket }))),
    awsCall(what, () => s3.send(new GetBucketPolicyCommand({ Bucket: bucket })), ['NoSuchBucketPolicy']),
  ]);
  // awsCall returns undefined only for the error codes it is told mean "absent"; none for the ACL.
  const acl = aclRead as GetBucketAclCommandOutput;
  const policy = policyText?.Policy
    ? (JSON.parse(policyText.Policy) as BucketPublicState['policy'])
    : undefined;
  const statements = policy ? [policy.Statement].flat() : [];
  return {
    bucket,
    block: block?.PublicAccessBlockConfiguration,
    acl,
    publicGrants: (acl.Grants ?? []).filter(isPublicGrant),
    ...(policy ? { policy: { ...policy, Statement: statements } } : {}),
    publicStatements: statements.filter(isPublicStatement),
  };
}
