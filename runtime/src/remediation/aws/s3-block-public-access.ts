// Catalog entry aws.s3.block_public_access: turn the bucket's public access block fully
// on first (it closes the exposure at once), then remove public ACL grants and public
// policy statements so the bucket stays private even if the block is later lifted.

import {
  DeleteBucketPolicyCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import type { CatalogExecutor } from '../executor.js';
import type { AwsRemediationClients } from './clients.js';
import { awsCall } from './errors.js';
import { s3Of } from './s3-client.js';
import {
  blockComplete,
  bucketName,
  isPublicGrant,
  isPublicStatement,
  readBucketPublicState,
  readPublicAccessBlock,
} from './s3-public-state.js';

const FULL_BLOCK = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

export const s3BlockPublicAccess: CatalogExecutor<AwsRemediationClients> = {
  id: 'aws.s3.block_public_access',
  undo: 'Restore the previous public access block, ACL grants and bucket policy statements (listed in the operation record); this makes the bucket public again.',

  async check({ target }, clients) {
    const s3 = s3Of(clients);
    const state = await readBucketPublicState(s3, target);
    const plan: string[] = [];
    if (!blockComplete(state.block))
      plan.push(`turn on all four public access block settings for ${state.bucket}`);
    for (const g of state.publicGrants) plan.push(`remove ACL grant ${g.Permission} to ${g.Grantee?.URI}`);
    for (const s of state.publicStatements)
      plan.push(`remove policy statement ${String(s.Sid ?? '(no Sid)')} allowing Principal *`);
    return {
      needed: plan.length > 0,
      reason:
        plan.length > 0
          ? `bucket ${state.bucket} is or can become public`
          : `bucket ${state.bucket} is already private`,
      plan,
    };
  },

  async apply({ target }, clients) {
    const s3 = s3Of(clients);
    const bucket = bucketName(target);
    const what = `S3 bucket ${bucket}`;
    const changes: string[] = [];
    // The block goes on after one read, before the ACL and policy are even read: every
    // moment the bucket stays open counts.
    if (!blockComplete(await readPublicAccessBlock(s3, target))) {
      await awsCall(what, () =>
        s3.send(
          new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: FULL_BLOCK }),
        ),
      );
      changes.push('public access block: all four settings on');
    }
    // Grants and statements are read afresh, as they are when they are removed.
    const state = await readBucketPublicState(s3, target);
    if (state.publicGrants.length > 0) {
      const Grants = (state.acl.Grants ?? []).filter((g) => !isPublicGrant(g));
      await awsCall(what, () =>
        s3.send(
          new PutBucketAclCommand({
            Bucket: state.bucket,
            AccessControlPolicy: { Owner: state.acl.Owner, Grants },
          }),
        ),
      );
      changes.push(`removed ${state.publicGrants.length} public ACL grant(s)`);
    }
    if (state.policy && state.publicStatements.length > 0) {
      const kept = state.policy.Statement.filter((s) => !isPublicStatement(s));
      if (kept.length === 0) {
        await awsCall(what, () => s3.send(new DeleteBucketPolicyCommand({ Bucket: state.bucket })));
      } else {
        const Policy = JSON.stringify({ ...state.policy, Statement: kept });
        await awsCall(what, () => s3.send(new PutBucketPolicyCommand({ Bucket: state.bucket, Policy })));
      }
      changes.push(`removed ${state.publicStatements.length} public policy statement(s)`);
    }
    return { changes };
  },

  async verify({ target }, clients) {
    const s3 = s3Of(clients);
    const state = await readBucketPublicState(s3, target);
    const ok =
      blockComplete(state.block) && state.publicGrants.length === 0 && state.publicStatements.length === 0;
    return {
      ok,
      observed: ok
        ? 'public access block fully on; no public ACL grants; no public policy statements'
        : `still public: block=${JSON.stringify(state.block ?? {})}, grants=${state.publicGrants.length}, statements=${state.publicStatements.length}`,
    };
  },
};
