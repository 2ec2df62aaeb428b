// The fixed remediation catalog: the only actions the runner may take on a cloud.
// Pure data shared by the runner (which implements each entry) and the infrastructure
// stacks (which grant exactly the permissions of the entries a user enables).

import { z } from 'zod';

export const CloudProviderSchema = z.enum(['aws', 'azure', 'gcp']);
export type CloudProvider = z.infer<typeof CloudProviderSchema>;

/** The seed's pre-approval settings ("Pre-Approve Auto-Remediation" wizard). */
export const PreApprovalSettingSchema = z.enum([
  'make_public_buckets_private',
  'close_admin_ports',
  'stop_idle_instances',
  'enable_volume_encryption',
  'scale_up_near_capacity',
  'restart_failed_services',
  'rollback_failed_deployments',
]);
export type PreApprovalSetting = z.infer<typeof PreApprovalSettingSchema>;

export const RemediationIdSchema = z.enum([
  'aws.s3.block_public_access',
  'aws.ec2.revoke_public_admin_ingress',
  'aws.ec2.stop_instance',
  'aws.ec2.enable_ebs_encryption_by_default',
  'aws.rds.increase_allocated_storage',
  'azure.storage.disallow_public_access',
  'azure.network.remove_public_admin_rule',
  'azure.compute.deallocate_vm',
  'gcp.storage.remove_public_access',
  'gcp.compute.restrict_public_firewall',
  'gcp.compute.stop_instance',
]);
export type RemediationId = z.infer<typeof RemediationIdSchema>;

export interface CatalogEntryInfo {
  id: RemediationId;
  cloud: CloudProvider;
  /** The pre-approval setting that must be on for the runner to act without asking. */
  setting: PreApprovalSetting;
  title: string;
  /** Cloud permissions the entry needs, and nothing more. */
  permissions: readonly string[];
}

export const REMEDIATION_CATALOG: readonly CatalogEntryInfo[] = [
  {
    id: 'aws.s3.block_public_access',
    cloud: 'aws',
    setting: 'make_public_buckets_private',
    title: 'Block public access on an S3 bucket and remove public ACL grants and policy statements',
    permissions: [
      's3:GetBucketPublicAccessBlock',
      's3:PutBucketPublicAccessBlock',
      's3:GetBucketAcl',
      's3:PutBucketAcl',
      's3:GetBucketPolicy',
      's3:PutBucketPolicy',
      's3:DeleteBucketPolicy',
      's3:GetBucketPolicyStatus',
    ],
  },
  {
    id: 'aws.ec2.revoke_public_admin_ingress',
    cloud: 'aws',
    setting: 'close_admin_ports',
    title: 'Revoke or narrow security group ingress open to the internet on admin ports',
    permissions: [
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeSecurityGroupRules',
      'ec2:RevokeSecurityGroupIngress',
      'ec2:AuthorizeSecurityGroupIngress',
    ],
  },
  {
    id: 'aws.ec2.stop_instance',
    cloud: 'aws',
    setting: 'stop_idle_instances',
    title: 'Stop an EC2 instance',
    permissions: ['ec2:DescribeInstances', 'ec2:StopInstances'],
  },
  {
    id: 'aws.ec2.enable_ebs_encryption_by_default',
    cloud: 'aws',
    setting: 'enable_volume_encryption',
    title: 'Turn on EBS encryption by default in a region',
    permissions: ['ec2:GetEbsEncryptionByDefault', 'ec2:EnableEbsEncryptionByDefault'],
  },
  {
    id: 'aws.rds.increase_allocated_storage',
    cloud: 'aws',
    setting: 'scale_up_near_capacity',
    title: 'Raise the allocated storage of an RDS instance',
    permissions: ['rds:DescribeDBInstances', 'rds:ModifyDBInstance'],
  },
  {
    id: 'azure.storage.disallow_public_access',
    cloud: 'azure',
    setting: 'make_public_buckets_private',
    title: 'Disallow blob public access on a storage account and set its containers private',
    permissions: [
      'Microsoft.Storage/storageAccounts/read',
      'Microsoft.Storage/storageAccounts/write',
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      'Microsoft.Storage/storageAccounts/blobServices/containers/write',
      // Container access levels are set through the Blob service (Set Container ACL).
      'Microsoft.Storage/storageAccounts/blobServices/containers/setAcl/action',
    ],
  },
  {
    id: 'azure.network.remove_public_admin_rule',
    cloud: 'azure',
    setting: 'close_admin_ports',
    title: 'Remove or narrow an NSG rule open to the internet on admin ports',
    permissions: [
      'Microsoft.Network/networkSecurityGroups/read',
      'Microsoft.Network/networkSecurityGroups/securityRules/read',
      'Microsoft.Network/networkSecurityGroups/securityRules/write',
      'Microsoft.Network/networkSecurityGroups/securityRules/delete',
    ],
  },
  {
    id: 'azure.compute.deallocate_vm',
    cloud: 'azure',
    setting: 'stop_idle_instances',
    title: 'Deallocate an Azure VM',
    permissions: [
      'Microsoft.Compute/virtualMachines/read',
      'Microsoft.Compute/virtualMachines/deallocate/action',
    ],
  },
  {
    id: 'gcp.storage.remove_public_access',
    cloud: 'gcp',
    setting: 'make_public_buckets_private',
    title: 'Remove allUsers/allAuthenticatedUsers bindings and enforce public access prevention on a bucket',
    permissions: [
      'storage.buckets.get',
      'storage.buckets.getIamPolicy',
      'storage.buckets.setIamPolicy',
      'storage.buckets.update',
    ],
  },
  {
    id: 'gcp.compute.restrict_public_firewall',
    cloud: 'gcp',
    setting: 'close_admin_ports',
    title: 'Disable or narrow a firewall rule open to 0.0.0.0/0',
    permissions: ['compute.firewalls.get', 'compute.firewalls.update', 'compute.networks.updatePolicy'],
  },
  {
    id: 'gcp.compute.stop_instance',
    cloud: 'gcp',
    setting: 'stop_idle_instances',
    title: 'Stop a Compute Engine instance',
    permissions: ['compute.instances.get', 'compute.instances.stop', 'compute.zoneOperations.get'],
  },
];

export function catalogEntry(id: RemediationId): CatalogEntryInfo {
  const entry = REMEDIATION_CATALOG.find((e) => e.id === id);
  if (!entry) throw new Error(`remediation "${id}" is not in the catalog`);
  return entry;
}
