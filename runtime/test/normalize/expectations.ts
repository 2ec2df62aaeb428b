// What each vendor fixture must normalise to, exactly: one row per UnifiedEvent, in order.
// Columns: event_type, account_id, region, resource.type, resource.id, severity.

export type Row = [string, string, string, string, string, string];

export const expectations: Record<string, Row[]> = {
  'aws/budgets/sns-notification-actual.json': [
    [
      'budget_exceeded',
      '017790921725',
      'global',
      'budget',
      'arn:aws:budgets::017790921725:budget/Test Budget',
      'HIGH',
    ],
  ],
  'aws/budgets/sns-notification-billing-three.json': [
    [
      'budget_exceeded',
      '111122223333',
      'global',
      'budget',
      'arn:aws:budgets::111122223333:budget/billingThree',
      'HIGH',
    ],
  ],
  'aws/budgets/sns-record-daily-actual.json': [
    [
      'budget_exceeded',
      '265627204426',
      'global',
      'budget',
      'arn:aws:budgets::265627204426:budget/killswitch',
      'HIGH',
    ],
  ],
  'aws/cloudtrail/eventbridge-ec2-run-instances.json': [
    ['resource_created', '619193117841', 'us-west-1', 'compute_instance', 'i-784cdacd', 'INFO'],
    ['resource_created', '619193117841', 'us-west-1', 'compute_instance', 'i-7b4cdace', 'INFO'],
  ],
  'aws/cloudtrail/eventbridge-rds-create-db.json': [
    [
      'resource_created',
      '101010101111',
      'us-east-1',
      'database_instance',
      'arn:aws:rds:us-east-1:101010101111:db:onenessdb',
      'INFO',
    ],
  ],
  'aws/cloudtrail/eventbridge-s3-create-bucket-old.json': [
    ['resource_created', '101010101111', 'us-east-1', 'object_storage', 'arn:aws:s3:::cwe-test', 'INFO'],
  ],
  'aws/cloudtrail/eventbridge-s3-create-bucket.json': [
    [
      'resource_created',
      '619193117841',
      'us-west-2',
      'object_storage',
      'arn:aws:s3:::custodian-create-bucket-v4',
      'INFO',
    ],
  ],
  'aws/cloudtrail/eventbridge-s3-put-public-access-block-weakened.json': [
    [
      'storage_public_access_unblocked',
      '111111111111',
      'us-west-2',
      'object_storage',
      'arn:aws:s3:::austin-panther',
      'HIGH',
    ],
  ],
  'aws/cloudtrail/record-controltower-create-account.json': [
    [
      'resource_created',
      '123456789000',
      'eu-west-1',
      'other',
      'controltower.amazonaws.com/CreateManagedAccount',
      'INFO',
    ],
  ],
  'aws/cloudtrail/record-ec2-authorize-sg-ingress-denied.json': [
    ['unclassified', '123456789012', 'us-west-2', 'security_group', 'sg-1', 'INFO'],
  ],
  'aws/cloudtrail/record-ec2-authorize-sg-ingress.json': [
    ['network_exposure_opened', '123456789012', 'us-west-2', 'security_group', 'sg-1', 'INFO'],
  ],
  'aws/cloudtrail/record-iam-attach-admin-user-policy.json': [
    [
      'iam_access_granted',
      '123456789012',
      'global',
      'iam_principal',
      'arn:aws:iam::123456789012:user/new-user',
      'HIGH',
    ],
  ],
  'aws/cloudtrail/record-iam-attach-role-policy.json': [
    [
      'iam_access_granted',
      '123456789012',
      'global',
      'iam_principal',
      'arn:aws:iam::123456789012:role/new-role',
      'MEDIUM',
    ],
  ],
  'aws/cloudtrail/record-rds-made-private.json': [
    [
      'network_exposure_closed',
      '123456789012',
      'us-east-1',
      'database_instance',
      'arn:aws:rds:us-east-1:123456789012:db:production-db',
      'INFO',
    ],
  ],
  'aws/cloudtrail/record-rds-made-public.json': [
    [
      'network_exposure_opened',
      '123456789012',
      'us-east-1',
      'database_instance',
      'arn:aws:rds:us-east-1:123456789012:db:production-db',
      'HIGH',
    ],
  ],
  'aws/cloudtrail/record-s3-delete-public-access-block.json': [
    [
      'storage_public_access_unblocked',
      '111111111111',
      'us-east-1',
      'object_storage',
      'arn:aws:s3:::corporate-documents',
      'HIGH',
    ],
  ],
  'aws/cloudtrail/record-s3-put-bucket-acl-private.json': [
    [
      'storage_public_access_revoked',
      '123456789012',
      'us-west-2',
      'object_storage',
      'arn:aws:s3:::bucket',
      'INFO',
    ],
  ],
  'aws/cloudtrail/record-s3-put-bucket-policy-failed.json': [
    ['unclassified', '123456789012', 'us-west-2', 'object_storage', 'arn:aws:s3:::example-bucket', 'INFO'],
  ],
  'aws/cloudtrail/record-s3-put-bucket-policy-public.json': [
    [
      'storage_public_access_granted',
      '123456789012',
      'us-west-2',
      'object_storage',
      'arn:aws:s3:::example-bucket',
      'CRITICAL',
    ],
  ],
  'aws/cloudtrail/record-s3-put-bucket-policy-restricted.json': [
    [
      'resource_modified',
      '123456789012',
      'us-west-2',
      'object_storage',
      'arn:aws:s3:::example-bucket',
      'INFO',
    ],
  ],
  'aws/cloudtrail/record-s3-put-public-access-block-no-config.json': [
    [
      'resource_modified',
      '111111111111',
      'us-east-1',
      'object_storage',
      'arn:aws:s3:::corporate-documents',
      'INFO',
    ],
  ],
  'aws/cloudtrail/sqs-batch-raw-and-sns-wrapped.json': [
    [
      'storage_public_access_unblocked',
      '111111111111',
      'us-west-2',
      'object_storage',
      'arn:aws:s3:::austin-panther',
      'HIGH',
    ],
    [
      'storage_public_access_unblocked',
      '111111111111',
      'us-west-2',
      'object_storage',
      'arn:aws:s3:::austin-panther',
      'HIGH',
    ],
  ],
  'aws/cloudwatch-alarm/eventbridge-composite-suppressor.json': [
    [
      'metric_alarm_firing',
      '123456789012',
      'us-east-1',
      'monitoring_alarm',
      'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServiceAggregatedAlarm',
      'HIGH',
    ],
  ],
  'aws/cloudwatch-alarm/eventbridge-single-metric.json': [
    ['metric_alarm_firing', '123456789012', 'us-east-1', 'compute_instance', 'i-12345678901234567', 'HIGH'],
  ],
  'aws/cloudwatch-alarm/lambda-action-composite.json': [
    [
      'metric_alarm_firing',
      '111122223333',
      'us-east-1',
      'monitoring_alarm',
      'arn:aws:cloudwatch:us-east-1: 111122223333:alarm:SuppressionDemo.Main',
      'HIGH',
    ],
  ],
  'aws/cloudwatch-alarm/lambda-action-metric.json': [
    ['metric_alarm_firing', '444455556666', 'us-east-1', 'compute_instance', 'i-12345678', 'HIGH'],
  ],
  'aws/cloudwatch-alarm/lambda-action-powertools.json': [
    [
      'metric_alarm_firing',
      '123456789012',
      'eu-west-1',
      'monitoring_alarm',
      'arn:aws:cloudwatch:eu-west-1:912397435824:alarm:test_alarm',
      'HIGH',
    ],
  ],
  'aws/cloudwatch-alarm/sns-notification-ok-to-alarm.json': [
    [
      'metric_alarm_firing',
      '017790921725',
      'ca-central-1',
      'monitoring_alarm',
      'arn:aws:cloudwatch:ca-central-1:017790921725:alarm:Test alarm',
      'HIGH',
    ],
  ],
  'aws/cloudwatch-alarm/sns-record-multiple-metrics.json': [
    [
      'metric_alarm_firing',
      'EXAMPLE',
      'REGION',
      'monitoring_alarm',
      'arn:aws:cloudwatch:REGION:ACCOUNT_NUMBER:alarm:EXAMPLE',
      'HIGH',
    ],
  ],
  'aws/cloudwatch-alarm/sns-record-single-metric.json': [
    ['metric_alarm_firing', '123456789012', 'REGION', 'compute_instance', 'TestInstance', 'HIGH'],
  ],
  'aws/config/eventbridge-compliance-noncompliant-iam-user.json': [
    ['config_noncompliant', '477575873490', 'us-east-1', 'iam_principal', 'AIDAW6MN5QPJPMC7R4QBE', 'MEDIUM'],
  ],
  'aws/config/eventbridge-compliance-noncompliant-log-group.json': [
    ['config_noncompliant', '775397712397', 'ap-southeast-2', 'other', 'BadCrowd4', 'MEDIUM'],
  ],
  'aws/config/eventbridge-item-change-efs.json': [
    [
      'resource_modified',
      '123456789012',
      'us-east-1',
      'other',
      'arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-01f0d526165b57f95',
      'INFO',
    ],
  ],
  'aws/config/sns-compliance-change-compliant.json': [
    ['config_compliant', '123456789012', 'us-east-2', 'account', '123456789012', 'INFO'],
  ],
  'aws/cost-anomaly/eventbridge-docs.json': [
    [
      'cost_anomaly',
      '123456789012',
      'global',
      'account',
      'arn:aws:ce::123456789012:anomalymonitor/abcdef12-1234-4ea0-84cc-918a97d736ef',
      'HIGH',
    ],
  ],
  'aws/cost-anomaly/sns-message-docs.json': [
    [
      'cost_anomaly',
      '123456789012',
      'global',
      'account',
      'arn:aws:ce::123456789012:anomalymonitor/abcdef12-1234-4ea0-84cc-918a97d736ef',
      'HIGH',
    ],
  ],
  'aws/cost-anomaly/sns-record-docs.json': [
    [
      'cost_anomaly',
      '123456789012',
      'global',
      'account',
      'arn:aws:ce::123456789012:anomalymonitor/abcdef12-1234-4ea0-84cc-918a97d736ef',
      'HIGH',
    ],
  ],
  'aws/ec2-state-change/custodian-pending.json': [
    ['instance_state_changed', '101010101111', 'us-east-1', 'compute_instance', 'i-a2d74f12', 'INFO'],
  ],
  'aws/ec2-state-change/docs-pending.json': [
    ['instance_state_changed', '123456789012', 'us-east-1', 'compute_instance', 'i-abcd1111', 'INFO'],
  ],
  'aws/ec2-state-change/sqs-batch-docs-pending.json': [
    ['instance_state_changed', '123456789012', 'us-east-1', 'compute_instance', 'i-abcd1111', 'INFO'],
  ],
  'aws/guardduty/eventbridge-ec2-backdoor.json': [
    ['security_finding', '883606788610', 'us-east-1', 'compute_instance', 'i-99999999', 'MEDIUM'],
  ],
  'aws/guardduty/eventbridge-iam-tor.json': [
    [
      'security_finding',
      '883606788610',
      'us-east-1',
      'iam_principal',
      'GeneratedFindingAccessKeyId',
      'MEDIUM',
    ],
  ],
  'aws/guardduty/s3-export-high.json': [
    ['security_finding', '123456789012', 'us-east-1', 'other', 'eeb88ab56556eb7771b266670dddee5a', 'HIGH'],
  ],
  'aws/health/custodian-ec2-retirement.json': [
    ['service_health', '011122335622', 'us-east-1', 'compute_instance', 'i-00ddbf07ce6372082', 'MEDIUM'],
  ],
  'aws/health/docs-abuse-dos-report.json': [
    [
      'service_health',
      '123456789012',
      'global',
      'compute_instance',
      'arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111',
      'HIGH',
    ],
    [
      'service_health',
      '123456789012',
      'global',
      'compute_instance',
      'arn:aws:ec2:us-east-1:123456789012:instance/i-abcd2222',
      'HIGH',
    ],
  ],
  'aws/health/docs-elb-api-issue.json': [
    ['service_health', '123456789012', 'ap-southeast-2', 'account', '123456789012', 'HIGH'],
  ],
  'aws/securityhub/custom-action-cis-trail.json': [
    [
      'security_finding',
      '644160558196',
      'us-east-1',
      'other',
      'arn:aws:cloudtrail:us-east-1:644160558196:trail/skunk-trails',
      'INFO',
    ],
  ],
  'aws/securityhub/custom-action-cross-account.json': [
    [
      'security_finding',
      '644160558196',
      'us-east-1',
      'other',
      'arn:aws:lambda:us-east-1:644160558196:function:custodian-enterprise-ec2-instances-no-elastic-ip-isolate',
      'INFO',
    ],
  ],
  'aws/securityhub/custom-action-guardduty-key.json': [
    ['security_finding', '644160558196', 'us-east-1', 'iam_principal', 'AWS::IAM::AccessKey:null', 'MEDIUM'],
  ],
  'aws/securityhub/imported-three-findings.json': [
    [
      'security_finding',
      '644160558196',
      'us-east-1',
      'other',
      'arn:aws:cloudtrail:us-east-1:644160558196:trail/skunk-trails',
      'INFO',
    ],
    ['security_finding', '644160558196', 'us-east-1', 'iam_principal', 'AWS::IAM::AccessKey:null', 'MEDIUM'],
    [
      'security_finding',
      '644160558196',
      'us-east-1',
      'other',
      'arn:aws:lambda:us-east-1:644160558196:function:custodian-enterprise-ec2-instances-no-elastic-ip-isolate',
      'INFO',
    ],
  ],
  'azure/budget/test-actual-cost.json': [
    [
      'budget_exceeded',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'global',
      'budget',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/providers/Microsoft.Consumption/budgets/Test_actual_cost_budget',
      'HIGH',
    ],
  ],
  'azure/budget/test-budget.json': [
    [
      'budget_exceeded',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'global',
      'budget',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/providers/Microsoft.Consumption/budgets/Test_forcasted_budget',
      'MEDIUM',
    ],
  ],
  'azure/budget/test-forecasted.json': [
    [
      'budget_exceeded',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'global',
      'budget',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/providers/Microsoft.Consumption/budgets/Test_forcasted_budget',
      'MEDIUM',
    ],
  ],
  'azure/defender/alerts-api-vm-eicar.json': [
    [
      'security_finding',
      '20ff7fc3-e762-44dd-bd96-b71116dcdc23',
      'westeurope',
      'compute_instance',
      '/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/resourceGroups/myRg1/providers/Microsoft.Compute/virtualMachines/vm1',
      'HIGH',
    ],
  ],
  'azure/defender/workflow-export-sql-brute-force.json': [
    [
      'security_finding',
      '97e01fd4-3326-41f4-b9e3-3cfd6809e10f',
      'centralus',
      'compute_instance',
      '/SUBSCRIPTIONS/97e01fd4-3326-41f4-b9e3-3cfd6809e10f/RESOURCEGROUPS/Sample-RG/providers/Microsoft.Compute/virtualMachines/Sample-VM',
      'HIGH',
    ],
  ],
  'azure/defender/workflow-export-storage-exfiltration.json': [
    [
      'security_finding',
      '97e01fd4-3326-41f4-b9e3-3cfd6809e10f',
      'centralus',
      'storage_account',
      '/SUBSCRIPTIONS/97e01fd4-3326-41f4-b9e3-3cfd6809e10f/RESOURCEGROUPS/Sample-RG/providers/Microsoft.Storage/storageAccounts/Sample-Storage',
      'HIGH',
    ],
  ],
  'azure/event-grid/batch-write-and-delete.json': [
    [
      'resource_modified',
      '6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21',
      'unknown',
      'storage_account',
      '/subscriptions/6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21/resourcegroups/rg-docs/providers/Microsoft.Storage/storageAccounts/stdocs001',
      'INFO',
    ],
    [
      'resource_deleted',
      '6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21',
      'unknown',
      'storage_account',
      '/subscriptions/6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21/resourceGroups/rg-docs/providers/Microsoft.Storage/storageAccounts/stdocs001',
      'INFO',
    ],
  ],
  'azure/event-grid/cloudevents-write-success.json': [
    [
      'resource_modified',
      '6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21',
      'unknown',
      'storage_account',
      '/subscriptions/6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21/resourcegroups/rg-docs/providers/Microsoft.Storage/storageAccounts/stdocs001',
      'INFO',
    ],
  ],
  'azure/event-grid/resource-action-success.json': [
    [
      'resource_modified',
      '6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21',
      'unknown',
      'other',
      '/subscriptions/6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21/resourceGroups/rg-docs/providers/Microsoft.EventHub/namespaces/evhns-docs/AuthorizationRules/RootManageSharedAccessKey',
      'INFO',
    ],
  ],
  'azure/event-grid/resource-delete-success.json': [
    [
      'resource_deleted',
      '6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21',
      'unknown',
      'storage_account',
      '/subscriptions/6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21/resourceGroups/rg-docs/providers/Microsoft.Storage/storageAccounts/stdocs001',
      'INFO',
    ],
  ],
  'azure/event-grid/resource-write-success.json': [
    [
      'resource_modified',
      '6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21',
      'unknown',
      'storage_account',
      '/subscriptions/6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21/resourcegroups/rg-docs/providers/Microsoft.Storage/storageAccounts/stdocs001',
      'INFO',
    ],
  ],
  'azure/monitor-alert/activity-log-security.json': [
    [
      'security_finding',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'unknown',
      'compute_instance',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourcegroups/test-RG/providers/microsoft.compute/virtualmachines/testVM',
      'INFO',
    ],
  ],
  'azure/monitor-alert/metric-resolved.json': [
    [
      'metric_alarm_resolved',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'unknown',
      'compute_instance',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourcegroups/pipelinealertrg/providers/microsoft.compute/virtualmachines/wcus-r2-gen2',
      'INFO',
    ],
  ],
  'azure/monitor-alert/test-activity-log-administrative.json': [
    [
      'instance_state_changed',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'unknown',
      'compute_instance',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourcegroups/test-RG/providers/microsoft.compute/virtualmachines/test-VM',
      'INFO',
    ],
  ],
  'azure/monitor-alert/test-log-alert-v2.json': [
    [
      'metric_alarm_firing',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'unknown',
      'other',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourcegroups/test-RG/providers/microsoft.operationalinsights/workspaces/test-logAnalyticsWorkspace',
      'INFO',
    ],
  ],
  'azure/monitor-alert/test-metric-static-threshold.json': [
    [
      'metric_alarm_firing',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'unknown',
      'storage_account',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourcegroups/test-RG/providers/microsoft.storage/storageaccounts/test-storageAccount',
      'INFO',
    ],
  ],
  'azure/monitor-alert/test-resource-health.json': [
    [
      'service_health',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'unknown',
      'compute_instance',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourcegroups/test-RG/providers/microsoft.compute/virtualmachines/test-VM',
      'INFO',
    ],
  ],
  'azure/service-health/maintenance-planned.json': [
    [
      'service_health',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'eastus',
      'account',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'MEDIUM',
    ],
  ],
  'azure/service-health/resource-health-docs.json': [
    [
      'service_health',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'unknown',
      'compute_instance',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourcegroups/pipelinealertrg/providers/microsoft.compute/virtualmachines/wcus-r2-actlog',
      'INFO',
    ],
  ],
  'azure/service-health/test-incident-resolved.json': [
    [
      'service_health',
      'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'global',
      'account',
      '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e',
      'INFO',
    ],
  ],
  'gcp/audit-log/compute-disk-set-iam-policy.json': [
    [
      'resource_modified',
      'test-project',
      'us-central1',
      'volume',
      'projects/test-project/zones/us-central1-a/disks/disk-1',
      'INFO',
    ],
  ],
  'gcp/audit-log/eventarc-gcs-set-iam-all-users.json': [
    [
      'storage_public_access_granted',
      'western-verve-123456',
      'us',
      'object_storage',
      'projects/_/buckets/jacks-test-bucket',
      'CRITICAL',
    ],
  ],
  'gcp/audit-log/firewall-delete.json': [
    [
      'network_exposure_closed',
      'scc-log-pubsub',
      'global',
      'firewall_rule',
      'projects/scc-log-pubsub/global/firewalls/firewall-rule-01',
      'INFO',
    ],
  ],
  'gcp/audit-log/firewall-insert-http-any-source.json': [
    [
      'network_exposure_opened',
      'scc-log-pubsub',
      'global',
      'firewall_rule',
      'projects/scc-log-pubsub/global/firewalls/firewall-rule-01',
      'MEDIUM',
    ],
  ],
  'gcp/audit-log/gcs-set-iam-all-users.json': [
    [
      'storage_public_access_granted',
      'western-verve-123456',
      'us',
      'object_storage',
      'projects/_/buckets/jacks-test-bucket',
      'CRITICAL',
    ],
  ],
  'gcp/audit-log/iam-create-role.json': [
    [
      'resource_created',
      'mythic-tribute-232915',
      'global',
      'iam_policy',
      'projects/mythic-tribute-232915/roles/CustomRole1',
      'INFO',
    ],
  ],
  'gcp/audit-log/instance-template-insert.json': [
    [
      'resource_created',
      'cloud-custodian',
      'global',
      'other',
      'projects/cloud-custodian/global/instanceTemplates/custodian-instance-template',
      'INFO',
    ],
  ],
  'gcp/audit-log/route-insert.json': [
    [
      'resource_created',
      'mitrop-custodian',
      'global',
      'network',
      'projects/mitrop-custodian/global/routes/test-route-2',
      'INFO',
    ],
  ],
  'gcp/audit-log/sql-backup-create.json': [
    [
      'resource_created',
      'cloud-custodian',
      'us-central',
      'database_instance',
      'cloud-custodian:custodian-postgres',
      'INFO',
    ],
  ],
  'gcp/monitoring-incident/pubsub-closed.json': [
    [
      'metric_alarm_resolved',
      'flanksource-sandbox',
      'europe-west1',
      'compute_instance',
      '8733652352636743443',
      'INFO',
    ],
  ],
  'gcp/monitoring-incident/pubsub-open-error.json': [
    [
      'metric_alarm_firing',
      'flanksource-sandbox',
      'europe-west1',
      'compute_instance',
      '1943820386402233898',
      'HIGH',
    ],
  ],
  'gcp/monitoring-incident/pubsub-push-open-error.json': [
    [
      'metric_alarm_firing',
      'flanksource-sandbox',
      'europe-west1',
      'compute_instance',
      '1943820386402233898',
      'HIGH',
    ],
  ],
  'gcp/monitoring-incident/webhook-test-notification.json': [
    ['metric_alarm_firing', '12345', 'unknown', 'other', '12345', 'HIGH'],
  ],
  'gcp/scc/custodian-flow-logs-disabled.json': [
    [
      'security_finding',
      'cloud-custodian',
      'asia-northeast1',
      'network',
      '//compute.googleapis.com/projects/cloud-custodian/regions/asia-northeast1/subnetworks/a22222222222222222',
      'INFO',
    ],
  ],
  'gcp/scc/pubsub-push-open-firewall.json': [
    [
      'security_finding',
      'onboarding-project',
      'global',
      'firewall_rule',
      '//compute.googleapis.com/projects/onboarding-project/global/firewalls/6190685430815455733',
      'HIGH',
    ],
  ],
  'gcp/scc/sha-open-firewall.json': [
    [
      'security_finding',
      'onboarding-project',
      'global',
      'firewall_rule',
      '//compute.googleapis.com/projects/onboarding-project/global/firewalls/6190685430815455733',
      'HIGH',
    ],
  ],
  'gcp/scc/sha-ssl-not-enforced.json': [
    [
      'security_finding',
      'sha-resources-20191002',
      'global',
      'database_instance',
      '//cloudsql.googleapis.com/projects/sha-resources-20191002/instances/public-sql-instance',
      'HIGH',
    ],
  ],
  'unclassified/aws-cloudwatch-alarm-configuration-change.json': [
    ['unclassified', '123456789012', 'us-east-1', 'other', '95463a7117d483b25206c0b8b04a3750', 'INFO'],
  ],
  'unclassified/aws-sns-subscription-confirmation.json': [
    ['unclassified', '111111111111', 'us-east-1', 'other', '93d0ba10b61d32e28cff3ee967d3ec6d', 'INFO'],
  ],
  'unclassified/aws-sqs-sns-app-message.json': [
    ['unclassified', '231436140809', 'eu-west-1', 'other', '6b2a21dded35f69c96fbb4a397f558d4', 'INFO'],
  ],
};
