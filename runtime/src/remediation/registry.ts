// The remediation catalog's implementations: one line per entry. The pipeline acts only
// through this table, and only for ids that policy decided to execute. Entries load on
// first use, so a run pays only for the SDK of the one entry it runs.

import type { RemediationId } from '@escher/shared';
import type { CatalogExecutor } from './executor.js';

export type ExecutorLoader = () => Promise<CatalogExecutor<unknown>>;

export const executors: Partial<Record<RemediationId, ExecutorLoader>> = {
  'aws.s3.block_public_access': async () =>
    (await import('./aws/s3-block-public-access.js')).s3BlockPublicAccess,
  'aws.ec2.revoke_public_admin_ingress': async () =>
    (await import('./aws/sg-revoke-public-admin-ingress.js')).sgRevokePublicAdminIngress,
  'aws.ec2.stop_instance': async () => (await import('./aws/ec2-stop-instance.js')).ec2StopInstance,
  'aws.ec2.enable_ebs_encryption_by_default': async () =>
    (await import('./aws/ebs-encryption-by-default.js')).ebsEncryptionByDefault,
  'aws.rds.increase_allocated_storage': async () =>
    (await import('./aws/rds-increase-storage.js')).rdsIncreaseStorage,
  'azure.storage.disallow_public_access': async () =>
    (await import('./azure/storage-disallow-public-access.js')).storageDisallowPublicAccess,
  'azure.network.remove_public_admin_rule': async () =>
    (await import('./azure/nsg-remove-public-admin-rule.js')).nsgRemovePublicAdminRule,
  'azure.compute.deallocate_vm': async () => (await import('./azure/vm-deallocate.js')).vmDeallocate,
  'gcp.storage.remove_public_access': async () =>
    (await import('./gcp/bucket-remove-public-access.js')).bucketRemovePublicAccess,
  'gcp.compute.restrict_public_firewall': async () =>
    (await import('./gcp/firewall-restrict.js')).firewallRestrict,
  'gcp.compute.stop_instance': async () => (await import('./gcp/instance-stop.js')).instanceStop,
};
