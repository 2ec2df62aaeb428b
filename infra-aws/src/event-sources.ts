// The cloud events that wake the real-time path, one entry per source. Adding a source is
// adding an entry; the stack makes one EventBridge rule per entry, each delivering the
// original event unchanged to the runner.

import type { EventPattern } from 'aws-cdk-lib/aws-events';

export interface EventSource {
  /** Construct id and rule-name suffix. */
  id: string;
  description: string;
  /** Takes the resource-name prefix so our own alarms can be left out (no feedback loop). */
  pattern(namePrefix: string): EventPattern;
}

const CLOUDTRAIL_API_CALL = 'AWS API Call via CloudTrail';

export const EVENT_SOURCES: readonly EventSource[] = [
  {
    id: 'S3PublicAccess',
    description: 'S3 bucket ACL, policy and public-access-block changes (needs a CloudTrail trail)',
    pattern: () => ({
      source: ['aws.s3'],
      detailType: [CLOUDTRAIL_API_CALL],
      detail: {
        eventSource: ['s3.amazonaws.com'],
        eventName: [
          'PutBucketAcl',
          'PutBucketPolicy',
          'DeleteBucketPolicy',
          'PutBucketPublicAccessBlock',
          'DeleteBucketPublicAccessBlock',
        ],
      },
    }),
  },
  {
    id: 'SecurityGroups',
    description: 'Security group ingress changes (needs a CloudTrail trail)',
    pattern: () => ({
      source: ['aws.ec2'],
      detailType: [CLOUDTRAIL_API_CALL],
      detail: {
        eventSource: ['ec2.amazonaws.com'],
        eventName: ['AuthorizeSecurityGroupIngress', 'ModifySecurityGroupRules'],
      },
    }),
  },
  {
    id: 'CloudWatchAlarms',
    description: 'CloudWatch alarm state changes, except the runner’s own alarms',
    pattern: (namePrefix) => ({
      source: ['aws.cloudwatch'],
      detailType: ['CloudWatch Alarm State Change'],
      detail: { alarmName: [{ 'anything-but': { prefix: `${namePrefix}-` } }] },
    }),
  },
  {
    id: 'SecurityHub',
    description: 'Security Hub imported findings',
    pattern: () => ({ source: ['aws.securityhub'], detailType: ['Security Hub Findings - Imported'] }),
  },
  {
    id: 'GuardDuty',
    description: 'GuardDuty findings',
    pattern: () => ({ source: ['aws.guardduty'], detailType: ['GuardDuty Finding'] }),
  },
  {
    id: 'ConfigCompliance',
    description: 'AWS Config rule compliance changes',
    pattern: () => ({ source: ['aws.config'], detailType: ['Config Rules Compliance Change'] }),
  },
];
