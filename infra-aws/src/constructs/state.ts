// Where the runner keeps the user's state: a versioned, private, TLS-only bucket for the
// snapshot, and a separate Object Lock bucket that holds write-once copies of the audit
// trail and the immutable reports. Both outlive the stack, so `destroy` never loses data.

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

export interface StateStorageProps {
  retention: { audit_days: number };
}

/**
 * Superseded manifest versions and segments removed by maintenance stay recoverable this
 * long; after that they are gone for good, so deleted data does not linger.
 */
export const NONCURRENT_VERSION_DAYS = 30;

const PRIVATE_BUCKET = {
  encryption: s3.BucketEncryption.S3_MANAGED,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  versioned: true,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  removalPolicy: RemovalPolicy.RETAIN,
} as const;

export class StateStorage extends Construct {
  readonly stateBucket: s3.Bucket;
  readonly auditBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, { retention }: StateStorageProps) {
    super(scope, id);
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      ...PRIVATE_BUCKET,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(retention.audit_days) }],
    });
    acknowledge(
      this.accessLogsBucket,
      'This is the access-log bucket; logging it into itself would loop.',
      'AwsSolutions-S1',
    );

    // Retention of records inside the snapshot is the runner's maintenance job: expiring a
    // segment the manifest still lists would corrupt the snapshot, so current objects never expire here.
    this.stateBucket = new s3.Bucket(this, 'State', {
      ...PRIVATE_BUCKET,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'state/',
      lifecycleRules: [
        {
          id: 'ExpireSupersededVersions',
          noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
      ],
    });

    // GOVERNANCE, not COMPLIANCE: no runner role may bypass it, yet an account administrator
    // can still clean up a mistaken deployment instead of waiting out audit_days.
    this.auditBucket = new s3.Bucket(this, 'Audit', {
      ...PRIVATE_BUCKET,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.governance(Duration.days(retention.audit_days)),
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'audit/',
      lifecycleRules: [
        {
          id: 'ExpireAfterAuditRetention',
          expiration: Duration.days(retention.audit_days),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
    });
  }

  /** ESCHER_STORE for the runner. */
  get stateStoreUrl(): string {
    return `s3://${this.stateBucket.bucketName}/state`;
  }

  /** Where the runner mirrors committed audit and report segments, write-once. */
  get auditStoreUrl(): string {
    return `s3://${this.auditBucket.bucketName}/audit`;
  }
}
