// Azure Storage resource provider (ARM) routes for storage accounts: "Storage Accounts -
// List", "- Get Properties" and "- Update" (PATCH with a partial `properties`, answered 200
// with the whole account), and "Blob Containers - List" (each container's publicAccess
// level as the management plane reports it). Container data itself lives in Azurite.

import type { ContractRequest, ContractResponse, Route } from './server.js';

export const STORAGE_API_VERSION = '2026-09-01';

export interface FakeStorageAccount {
  subscription: string;
  resourceGroup: string;
  name: string;
  location: string;
  /** undefined: an account created before the setting existed (public access allowed). */
  allowBlobPublicAccess?: boolean;
  /** Container name → anonymous access level, for "Blob Containers - List". */
  containers?: Record<string, 'None' | 'Blob' | 'Container'>;
}

export interface AzureStorageState {
  accounts: Map<string, FakeStorageAccount>;
  routes: Route[];
}

export const storageAccountId = (a: Pick<FakeStorageAccount, 'subscription' | 'resourceGroup' | 'name'>) =>
  `/subscriptions/${a.subscription}/resourceGroups/${a.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${a.name}`;

function body(a: FakeStorageAccount) {
  return {
    id: storageAccountId(a),
    name: a.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: a.location,
    kind: 'StorageV2',
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      primaryEndpoints: { blob: `https://${a.name}.blob.core.windows.net/` },
      primaryLocation: a.location,
      statusOfPrimary: 'available',
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      ...(a.allowBlobPublicAccess === undefined ? {} : { allowBlobPublicAccess: a.allowBlobPublicAccess }),
    },
  };
}

const notFound = (name: string): ContractResponse => ({
  status: 404,
  body: {
    error: {
      code: 'ResourceNotFound',
      message: `The Resource 'Microsoft.Storage/storageAccounts/${name}' was not found.`,
    },
  },
});

export function azureStorage(): AzureStorageState {
  const accounts = new Map<string, FakeStorageAccount>();
  const find = (req: ContractRequest) =>
    accounts.get(`${req.params.sub}/${req.params.rg}/${req.params.account}`.toLowerCase());
  const path =
    '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/{account}';
  const inSubscription = (sub: string | undefined) =>
    [...accounts.values()].filter((a) => a.subscription === sub);
  return {
    accounts,
    routes: [
      {
        method: 'GET',
        path: '/subscriptions/{sub}/providers/Microsoft.Storage/storageAccounts',
        handler: (req) => ({ status: 200, body: { value: inSubscription(req.params.sub).map(body) } }),
      },
      {
        method: 'GET',
        path: `${path}/blobServices/default/containers`,
        handler: (req) => {
          const account = find(req);
          if (!account) return notFound(req.params.account as string);
          return {
            status: 200,
            body: {
              value: Object.entries(account.containers ?? {}).map(([name, publicAccess]) => ({
                id: `${storageAccountId(account)}/blobServices/default/containers/${name}`,
                name,
                type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
                etag: '"0x8D589847D51C7DE"',
                properties: {
                  publicAccess,
                  leaseStatus: 'Unlocked',
                  leaseState: 'Available',
                  lastModifiedTime: '2026-01-05T10:00:00Z',
                  hasImmutabilityPolicy: false,
                  hasLegalHold: false,
                },
              })),
            },
          };
        },
      },
      {
        method: 'GET',
        path,
        handler: (req) => {
          const account = find(req);
          return account ? { status: 200, body: body(account) } : notFound(req.params.account as string);
        },
      },
      {
        method: 'PATCH',
        path,
        handler: (req) => {
          const account = find(req);
          if (!account) return notFound(req.params.account as string);
          const props = (req.json as { properties?: { allowBlobPublicAccess?: unknown } })?.properties ?? {};
          if (props.allowBlobPublicAccess !== undefined) {
            if (typeof props.allowBlobPublicAccess !== 'boolean') {
              return {
                status: 400,
                body: {
                  error: {
                    code: 'InvalidRequestPropertyValue',
                    message: 'allowBlobPublicAccess must be a boolean',
                  },
                },
              };
            }
            account.allowBlobPublicAccess = props.allowBlobPublicAccess;
          }
          return { status: 200, body: body(account) };
        },
      },
    ],
  };
}

export function addStorageAccount(state: AzureStorageState, account: FakeStorageAccount): FakeStorageAccount {
  state.accounts.set(
    `${account.subscription}/${account.resourceGroup}/${account.name}`.toLowerCase(),
    account,
  );
  return account;
}
