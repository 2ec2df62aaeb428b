// State, audit and dead-letter storage plus the Key Vault. Nothing here is public: blob
// public access is off, shared keys are off (identities only), TLS 1.2+, and the vault
// authorises through RBAC with purge protection.

import * as keyvault from '@pulumi/azure-native/keyvault/index.js';
import * as storage from '@pulumi/azure-native/storage/index.js';
import type * as pulumi from '@pulumi/pulumi';
import type { AzureStackConfig } from './config.js';
import { keyVaultName, storageAccountName } from './names.js';

export const STATE_CONTAINER = 'state';
export const AUDIT_CONTAINER = 'audit';
export const DEADLETTER_CONTAINER = 'deadletter';
const SOFT_DELETE_DAYS = 30;

export interface StateAndSecrets {
  account: storage.StorageAccount;
  accountName: string;
  deadletterContainer: storage.BlobContainer;
  vault: keyvault.Vault;
  vaultName: string;
}

export function declareStateAndSecrets(
  name: string,
  config: AzureStackConfig,
  resourceGroupName: pulumi.Output<string>,
  tenantId: pulumi.Output<string>,
  parent: pulumi.Resource,
): StateAndSecrets {
  const opts = { parent };
  const seed = `${config.subscriptionId}/${config.resourceGroup}`;
  const accountName = storageAccountName(config.extension.name, seed);
  const account = new storage.StorageAccount(
    `${name}-state`,
    {
      accountName,
      resourceGroupName,
      location: config.location,
      kind: 'StorageV2',
      sku: { name: 'Standard_ZRS' },
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: false,
      enableHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
    },
    opts,
  );
  const accountArgs = { accountName: account.name, resourceGroupName };
  const blobService = new storage.BlobServiceProperties(
    `${name}-blob-service`,
    {
      ...accountArgs,
      blobServicesName: 'default',
      isVersioningEnabled: true,
      deleteRetentionPolicy: { enabled: true, days: SOFT_DELETE_DAYS },
      containerDeleteRetentionPolicy: { enabled: true, days: SOFT_DELETE_DAYS },
    },
    opts,
  );
  const container = (containerName: string) =>
    new storage.BlobContainer(
      `${name}-${containerName}`,
      { ...accountArgs, containerName, publicAccess: 'None' },
      { parent, dependsOn: [blobService] },
    );
  container(STATE_CONTAINER);
  const audit = container(AUDIT_CONTAINER);
  const deadletterContainer = container(DEADLETTER_CONTAINER);
  // Time-based retention keeps audit blobs undeletable and unmodifiable; appends stay allowed.
  new storage.BlobContainerImmutabilityPolicy(
    `${name}-audit-retention`,
    {
      ...accountArgs,
      containerName: audit.name,
      immutabilityPolicyName: 'default',
      immutabilityPeriodSinceCreationInDays: config.extension.retention.audit_days,
      allowProtectedAppendWrites: true,
    },
    opts,
  );

  const vaultName = keyVaultName(config.extension.name, seed);
  const vault = new keyvault.Vault(
    `${name}-secrets`,
    {
      vaultName,
      resourceGroupName,
      location: config.location,
      properties: {
        tenantId,
        sku: { family: 'A', name: 'standard' },
        enableRbacAuthorization: true,
        enablePurgeProtection: true,
        enableSoftDelete: true,
        softDeleteRetentionInDays: 90,
        publicNetworkAccess: config.options.keyVaultPublicNetworkAccess,
      },
    },
    opts,
  );
  return { account, accountName, deadletterContainer, vault, vaultName };
}
