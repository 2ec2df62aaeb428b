// The demo's small sample estate: three buckets (one holding customer PII), a web server
// and a database, as collectors would have recorded them in cloud_estate.

import { type EstateResourceInput, EstateResourceSchema, estateRecordId } from '@escher/shared';
import type { RunnerState } from '../src/pipeline/state.js';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const PII_BUCKET = 'acme-customer-pii';
export const OTHER_BUCKETS = ['acme-web-assets', 'acme-build-logs'];

const base = { cloud_provider: 'aws', account_id: ACCOUNT, region: REGION } as const;

const ESTATE: EstateResourceInput[] = [
  {
    ...base,
    resource_type: 'object_storage',
    resource_id: `arn:aws:s3:::${PII_BUCKET}`,
    name: PII_BUCKET,
    tags: { environment: 'production', data_classification: 'PII', owner: 'maria@acme.example' },
    environment: 'production',
    data_classification: 'PII',
    owner: 'maria@acme.example',
  },
  ...OTHER_BUCKETS.map((name) => ({
    ...base,
    resource_type: 'object_storage',
    resource_id: `arn:aws:s3:::${name}`,
    name,
    tags: { environment: 'dev' },
  })),
  {
    ...base,
    resource_type: 'compute_instance',
    resource_id: 'i-0demo0web0000001',
    name: 'web-1',
    size: 't3.medium',
    tags: { environment: 'production' },
  },
  {
    ...base,
    resource_type: 'database_instance',
    resource_id: 'orders-db',
    name: 'orders-db',
    tags: { environment: 'production' },
  },
];

export async function seedEstate(state: RunnerState): Promise<number> {
  for (const input of ESTATE) {
    const resource = EstateResourceSchema.parse(input);
    await state.putRecord('cloud_estate', estateRecordId(resource), resource);
  }
  return ESTATE.length;
}

/** The CloudTrail record EventBridge delivers when someone applies a public-read ACL. */
export function publicAclEvent(bucket: string, at: Date) {
  const time = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.s3',
    account: ACCOUNT,
    time,
    region: REGION,
    resources: [],
    detail: {
      eventVersion: '1.08',
      userIdentity: {
        type: 'IAMUser',
        arn: `arn:aws:iam::${ACCOUNT}:user/john@acme.example`,
        accountId: ACCOUNT,
      },
      eventTime: time,
      eventSource: 's3.amazonaws.com',
      eventName: 'PutBucketAcl',
      awsRegion: REGION,
      sourceIPAddress: '203.0.113.7',
      requestParameters: { bucketName: bucket, acl: [''], 'x-amz-acl': ['public-read'] },
      responseElements: null,
      eventID: `demo-${at.getTime()}`,
      eventType: 'AwsApiCall',
      recipientAccountId: ACCOUNT,
    },
  };
}
