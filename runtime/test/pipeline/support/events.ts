// CloudTrail and CloudWatch events as EventBridge delivers them, shaped after the AWS
// documentation's examples, for the scenarios the pipeline tests exercise.

import { ACCOUNT, REGION } from './moto.js';

const trail = (id: string, source: string, name: string, params: Record<string, unknown>, time: string) => ({
  version: '0',
  id: `eb-${id}`,
  'detail-type': 'AWS API Call via CloudTrail',
  source: `aws.${source}`,
  account: ACCOUNT,
  time,
  region: REGION,
  resources: [],
  detail: {
    eventVersion: '1.08',
    userIdentity: {
      type: 'IAMUser',
      arn: `arn:aws:iam::${ACCOUNT}:user/john`,
      accountId: ACCOUNT,
      userName: 'john',
    },
    eventTime: time,
    eventSource: `${source}.amazonaws.com`,
    eventName: name,
    awsRegion: REGION,
    sourceIPAddress: '203.0.113.7',
    requestParameters: params,
    responseElements: null,
    eventID: id,
    eventType: 'AwsApiCall',
    recipientAccountId: ACCOUNT,
  },
});

export const bucketMadePublic = (
  bucket: string,
  id = '3b0e3d1f-0000-4000-8000-000000000001',
  time = new Date().toISOString(),
) =>
  trail(
    id,
    's3',
    'PutBucketAcl',
    { bucketName: bucket, acl: [''], 'x-amz-acl': ['public-read'], Host: `${bucket}.s3.amazonaws.com` },
    time,
  );

export const sshOpenedToWorld = (
  groupId: string,
  id = '3b0e3d1f-0000-4000-8000-000000000002',
  time = new Date().toISOString(),
) =>
  trail(
    id,
    'ec2',
    'AuthorizeSecurityGroupIngress',
    {
      groupId,
      ipPermissions: {
        items: [
          { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } },
        ],
      },
    },
    time,
  );

export const idleAlarm = (instanceId: string, time = new Date().toISOString()) => ({
  version: '0',
  id: 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92',
  'detail-type': 'CloudWatch Alarm State Change',
  source: 'aws.cloudwatch',
  account: ACCOUNT,
  time,
  region: REGION,
  resources: [`arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:escher-idle-${instanceId}`],
  detail: {
    alarmName: `escher-idle-${instanceId}`,
    state: { value: 'ALARM', reason: 'Threshold Crossed', timestamp: time },
    previousState: { value: 'OK', reason: 'Threshold not crossed', timestamp: time },
    configuration: {
      metrics: [
        {
          id: 'm1',
          metricStat: {
            metric: { namespace: 'AWS/EC2', name: 'CPUUtilization', dimensions: { InstanceId: instanceId } },
            period: 300,
            stat: 'Average',
          },
          returnData: true,
        },
      ],
    },
  },
});
