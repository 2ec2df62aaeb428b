// One resource in the `cloud_estate` collection, in the normalised vocabulary of the
// architecture overview (compute_instance, database_instance, object_storage, ...).
// Collectors write these; jobs, enrichment and the morning report read them.

import { z } from 'zod';
import { CloudProviderSchema } from '../catalog/catalog.js';

export const EstateResourceSchema = z.object({
  cloud_provider: CloudProviderSchema,
  /** Normalised type: compute_instance, database_instance, object_storage, volume, snapshot, security_group, ... */
  resource_type: z.string().min(1),
  account_id: z.string().min(1),
  region: z.string(),
  /** The provider's own id: i-0abc..., an Azure resource id, a GCE instance name or self link. */
  resource_id: z.string().min(1),
  name: z.string().default(''),
  /** Provider-native type, e.g. 'AWS::EC2::Instance', 'Microsoft.Compute/virtualMachines'. */
  native_type: z.string().optional(),
  state: z.string().default('unknown'),
  tags: z.record(z.string(), z.string()).default({}),
  environment: z.enum(['production', 'staging', 'dev']).optional(),
  data_classification: z.enum(['PII', 'confidential', 'public']).optional(),
  owner: z.string().optional(),
  /** Instance type / VM size / machine type, when the resource has one. */
  size: z.string().optional(),
  monthly_cost_usd: z.number().nonnegative().optional(),
  created_at: z.iso.datetime().optional(),
  /** Non-sensitive details (zone, resource group, encryption flag, ...). */
  metadata: z.record(z.string(), z.unknown()).default({}),
  /** Sensitive details (permissions, full configuration): encrypted at rest in the snapshot. */
  encrypted_data: z.unknown().optional(),
});
export type EstateResource = z.infer<typeof EstateResourceSchema>;
export type EstateResourceInput = z.input<typeof EstateResourceSchema>;

/** The record id the architecture uses: "aws-123456789012-us-west-2-i-abc123". */
export function estateRecordId(
  r: Pick<EstateResource, 'cloud_provider' | 'account_id' | 'region' | 'resource_id'>,
): string {
  return `${r.cloud_provider}-${r.account_id}-${r.region || 'global'}-${r.resource_id}`;
}

/** The start every estateRecordId of one account shares. */
export function estateAccountPrefix(r: Pick<EstateResource, 'cloud_provider' | 'account_id'>): string {
  return `${r.cloud_provider}-${r.account_id}-`;
}
