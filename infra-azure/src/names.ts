// Globally unique Azure names (storage accounts, key vaults) and stable GUIDs derived from
// the subscription and resource group, so a redeploy finds the same resources.

import { createHash } from 'node:crypto';

function digest(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** 3-24 lowercase letters and digits. */
export function storageAccountName(prefix: string, seed: string): string {
  return `${prefix.replace(/[^a-z0-9]/g, '').slice(0, 14)}st${digest(seed).slice(0, 8)}`;
}

/** 3-24 letters, digits and dashes, starting with a letter. */
export function keyVaultName(prefix: string, seed: string): string {
  return `${prefix.slice(0, 13)}-kv-${digest(seed).slice(0, 7)}`;
}

/** A name-based GUID (RFC 4122 layout, version 5 bits) for role definitions. */
export function stableGuid(seed: string): string {
  const h = digest(seed);
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Built-in role ids (same in every tenant). */
export const BUILT_IN_ROLES = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
  managedIdentityOperator: 'f1a07417-d97a-45cb-824c-7a7467783830',
} as const;

export function roleDefinitionId(subscriptionId: string, roleGuid: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}
