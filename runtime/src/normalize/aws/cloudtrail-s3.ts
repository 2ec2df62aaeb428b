// S3 calls that change who can read a bucket. Direction comes from the request:
// an ACL or policy granting everyone opens; a public-access-block with all four flags
// true closes; removing or weakening the block unblocks.
//   public to AllUsers (ACL, canned ACL, policy Principal "*" without Condition) → CRITICAL
//   public to AuthenticatedUsers, or "*" with a Condition → HIGH (conditions may narrow it)
//   block removed/weakened → HIGH; closing or revoking → INFO

import { InvalidFieldError } from '../errors.js';
import { arr, bool, isObject, type Json, need, obj, str } from '../fields.js';
import { critical, high, info } from '../severity.js';
import type { CallClassifier, CallFinding, TrailCall } from './cloudtrail-call.js';

const SOURCE = 'aws.cloudtrail';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTH_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const BLOCK_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];

export const s3Call: CallClassifier = (call) => {
  const bucket = str(call.params, 'bucketName');
  if (bucket === undefined) return undefined;
  const found = (eventType: CallFinding['eventType'], baseline: CallFinding['baseline']): CallFinding[] => [
    {
      eventType,
      baseline,
      resource: {
        type: 'object_storage',
        id: `arn:aws:s3:::${bucket}`,
        name: bucket,
        nativeType: 'AWS::S3::Bucket',
      },
    },
  ];
  switch (call.name) {
    case 'PutBucketAcl':
    case 'CreateBucket': {
      const grant = publicAclGrant(call.params);
      if (grant === 'AllUsers')
        return found('storage_public_access_granted', critical('ACL grants access to AllUsers'));
      if (grant === 'AuthenticatedUsers') {
        return found('storage_public_access_granted', high('ACL grants access to any AWS account'));
      }
      return call.name === 'CreateBucket'
        ? found('resource_created', info('bucket created private'))
        : found('storage_public_access_revoked', info('ACL grants no public access'));
    }
    case 'PutBucketPolicy':
      return policyFinding(call, found);
    case 'DeleteBucketPolicy':
      return found('storage_public_access_revoked', info('bucket policy deleted: no policy grant remains'));
    case 'PutBucketPublicAccessBlock':
    case 'PutPublicAccessBlock': {
      const config = obj(call.params, 'PublicAccessBlockConfiguration');
      if (config === undefined)
        return found('resource_modified', info('public access block set; its flags are not in the event'));
      const off = BLOCK_FLAGS.filter((f) => bool(config, f) !== true);
      return off.length === 0
        ? found('storage_public_access_revoked', info('public access block on with all four flags'))
        : found(
            'storage_public_access_unblocked',
            high(`public access block weakened: ${off.join(', ')} off`),
          );
    }
    case 'DeleteBucketPublicAccessBlock':
    case 'DeletePublicAccessBlock':
      return found('storage_public_access_unblocked', high('public access block removed'));
    case 'DeleteBucket':
      return found('resource_deleted', info('bucket deleted'));
    default:
      return undefined;
  }
};

function publicAclGrant(params: Json): 'AllUsers' | 'AuthenticatedUsers' | undefined {
  // Canned ACLs arrive as the x-amz-acl header, sometimes as a one-element list.
  const header = params['x-amz-acl'];
  const canned = Array.isArray(header) ? header[0] : header;
  if (canned === 'public-read' || canned === 'public-read-write') return 'AllUsers';
  if (canned === 'authenticated-read') return 'AuthenticatedUsers';
  for (const h of [
    'x-amz-grant-read',
    'x-amz-grant-write',
    'x-amz-grant-full-control',
    'x-amz-grant-read-acp',
  ]) {
    const v = String(params[h] ?? '');
    if (v.includes(ALL_USERS)) return 'AllUsers';
    if (v.includes(AUTH_USERS)) return 'AuthenticatedUsers';
  }
  const list = obj(obj(params, 'AccessControlPolicy'), 'AccessControlList');
  const grants = list?.Grant;
  let result: 'AllUsers' | 'AuthenticatedUsers' | undefined;
  for (const grant of Array.isArray(grants) ? grants : [grants]) {
    const uri = str(obj(grant, 'Grantee'), 'URI');
    if (uri === ALL_USERS) return 'AllUsers';
    if (uri === AUTH_USERS) result = 'AuthenticatedUsers';
  }
  return result;
}

function policyFinding(
  call: TrailCall,
  found: (t: CallFinding['eventType'], b: CallFinding['baseline']) => CallFinding[],
) {
  const policy = parsePolicy(call.params.bucketPolicy);
  const statements = arr(policy, 'Statement') ?? (isObject(policy?.Statement) ? [policy?.Statement] : []);
  let conditional = false;
  for (const s of statements) {
    if (!isObject(s) || s.Effect !== 'Allow' || !isEveryone(s.Principal)) continue;
    if (s.Condition === undefined)
      return found('storage_public_access_granted', critical('policy allows Principal "*"'));
    conditional = true;
  }
  if (conditional) {
    return found('storage_public_access_granted', high('policy allows Principal "*" under a Condition'));
  }
  return found('resource_modified', info('bucket policy grants no public access'));
}

function parsePolicy(value: unknown): Json | undefined {
  if (isObject(value)) return value;
  if (typeof value !== 'string') return need(undefined, SOURCE, 'detail.requestParameters.bucketPolicy');
  try {
    const parsed: unknown = JSON.parse(value);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    throw new InvalidFieldError(SOURCE, 'detail.requestParameters.bucketPolicy', 'a JSON policy');
  }
}

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  const aws = isObject(principal) ? principal.AWS : undefined;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}
