import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthesize } from './support/synth.js';

const { runner } = synthesize();

const PRIVATE = {
  BucketEncryption: {
    ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
  },
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  },
  VersioningConfiguration: { Status: 'Enabled' },
  OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
};

describe('state storage', () => {
  it('creates three private buckets: state, audit and access logs', () => {
    runner.resourceCountIs('AWS::S3::Bucket', 3);
    expect(Object.keys(runner.findResources('AWS::S3::Bucket', { Properties: PRIVATE }))).toHaveLength(3);
  });

  it('keeps every bucket when the stack is destroyed', () => {
    for (const bucket of Object.values(runner.findResources('AWS::S3::Bucket'))) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.UpdateReplacePolicy).toBe('Retain');
    }
  });

  it('expires superseded state versions after 30 days and never expires current state objects', () => {
    runner.hasResourceProperties('AWS::S3::Bucket', {
      ...PRIVATE,
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'state/' },
      LifecycleConfiguration: {
        Rules: [
          {
            Id: 'ExpireSupersededVersions',
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            Status: 'Enabled',
          },
          { Id: 'RemoveExpiredDeleteMarkers', ExpiredObjectDeleteMarker: true, Status: 'Enabled' },
        ],
      },
    });
  });

  it('locks audit objects in GOVERNANCE mode for retention.audit_days and expires them afterwards', () => {
    runner.hasResourceProperties('AWS::S3::Bucket', {
      ...PRIVATE,
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 400 } },
      },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'audit/' },
      LifecycleConfiguration: {
        Rules: [
          {
            Id: 'ExpireAfterAuditRetention',
            ExpirationInDays: 400,
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
            Status: 'Enabled',
          },
        ],
      },
    });
  });

  it('expires access logs after retention.audit_days', () => {
    runner.hasResourceProperties('AWS::S3::Bucket', {
      ...PRIVATE,
      LifecycleConfiguration: {
        Rules: [{ Id: 'ExpireAccessLogs', ExpirationInDays: 400, Status: 'Enabled' }],
      },
    });
  });

  it('denies every request without TLS on all three buckets', () => {
    const policies = runner.findResources('AWS::S3::BucketPolicy', {
      Properties: {
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Resource: Match.anyValue(),
            },
          ]),
        },
      },
    });
    expect(Object.keys(policies)).toHaveLength(3);
  });

  it('lets only the S3 logging service write into the access-log bucket, from this account', () => {
    runner.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:PutObject',
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: Match.anyValue(),
            },
          }),
        ]),
      },
    });
  });

  it('outputs the store URLs the runner is configured with', () => {
    runner.hasOutput('StateStoreUrl', {
      Value: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^State') }, '/state']] },
    });
    runner.hasOutput('AuditStoreUrl', {
      Value: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^StateAudit') }, '/audit']] },
    });
  });
});
