// The remediation catalog's implementations: one line per entry. The pipeline acts only
// through this table, and only for ids that policy decided to execute.

import type { RemediationId } from '@escher/shared';
import { ebsEncryptionByDefault } from './aws/ebs-encryption-by-default.js';
import { ec2StopInstance } from './aws/ec2-stop-instance.js';
import { rdsIncreaseStorage } from './aws/rds-increase-storage.js';
import { s3BlockPublicAccess } from './aws/s3-block-public-access.js';
import { sgRevokePublicAdminIngress } from './aws/sg-revoke-public-admin-ingress.js';
import { nsgRemovePublicAdminRule } from './azure/nsg-remove-public-admin-rule.js';
import { storageDisallowPublicAccess } from './azure/storage-disallow-public-access.js';
import { vmDeallocate } from './azure/vm-deallocate.js';
import type { CatalogExecutor } from './executor.js';
import { bucketRemovePublicAccess } from './gcp/bucket-remove-public-access.js';
import { firewallRestrict } from './gcp/firewall-restrict.js';
import { instanceStop } from './gcp/instance-stop.js';

export const executors: Partial<Record<RemediationId, CatalogExecutor<unknown>>> = {
  'aws.s3.block_public_access': s3BlockPublicAccess,
  'aws.ec2.revoke_public_admin_ingress': sgRevokePublicAdminIngress,
  'aws.ec2.stop_instance': ec2StopInstance,
  'aws.ec2.enable_ebs_encryption_by_default': ebsEncryptionByDefault,
  'aws.rds.increase_allocated_storage': rdsIncreaseStorage,
  'azure.storage.disallow_public_access': storageDisallowPublicAccess,
  'azure.network.remove_public_admin_rule': nsgRemovePublicAdminRule,
  'azure.compute.deallocate_vm': vmDeallocate,
  'gcp.storage.remove_public_access': bucketRemovePublicAccess,
  'gcp.compute.restrict_public_firewall': firewallRestrict,
  'gcp.compute.stop_instance': instanceStop,
};
