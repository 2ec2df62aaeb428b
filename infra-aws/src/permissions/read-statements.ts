// Read-only permissions of the collectors and the morning report: cost, metrics and the
// inventory they describe. Every action is named; "*" appears only as the resource of
// calls that IAM cannot scope (Cost Explorer, GetMetricData, EC2 Describe*, tag lookups).

import type { ArnScope, StatementSpec } from './statement.js';

export function readStatements({ partition, account }: ArnScope): StatementSpec[] {
  return [
    {
      sid: 'ReadCost',
      actions: ['ce:GetCostAndUsage', 'ce:GetCostForecast'],
      resources: ['*'],
      why: 'Cost Explorer has no resource-level permissions',
    },
    {
      sid: 'ReadMetrics',
      actions: ['cloudwatch:GetMetricData', 'cloudwatch:DescribeAlarms'],
      resources: ['*'],
      why: 'GetMetricData has no resource-level permissions; alarms are read account-wide for the report',
    },
    {
      sid: 'ReadInventory',
      actions: [
        'ec2:DescribeInstances',
        'ec2:DescribeVolumes',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeRegions',
        'tag:GetResources',
        's3:ListAllMyBuckets',
      ],
      resources: ['*'],
      why: 'EC2 Describe*, tag:GetResources and ListAllMyBuckets have no resource-level permissions',
    },
    {
      sid: 'ReadDatabases',
      actions: ['rds:DescribeDBInstances'],
      resources: [`arn:${partition}:rds:*:${account}:db:*`],
      why: 'the inventory covers every database of the account',
    },
    {
      sid: 'ReadBucketExposure',
      actions: ['s3:GetBucketPublicAccessBlock', 's3:GetBucketPolicyStatus', 's3:GetBucketTagging'],
      resources: [`arn:${partition}:s3:::*`],
      why: 'the exposure check covers every bucket of the account',
    },
  ];
}
