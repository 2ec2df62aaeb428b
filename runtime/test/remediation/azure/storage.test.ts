import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storageDisallowPublicAccess as entry } from '../../../src/remediation/azure/storage-disallow-public-access.js';
import {
  addStorageAccount,
  type FakeStorageAccount,
  storageAccountId,
} from '../../contract/azure-storage.js';
import { emulator } from '../../support/emulators.js';
import { type AzureWorld, contextFor, SUB, startAzureWorld } from './setup.js';

let world: AzureWorld;
let account: FakeStorageAccount;
const blobs = () =>
  BlobServiceClient.fromConnectionString(emulator('azurite').env.AZURE_STORAGE_CONNECTION_STRING as string);
const suffix = Date.now().toString(36);
const PUBLIC = `pii-exports-${suffix}`;
const PRIVATE = `internal-${suffix}`;

beforeAll(async () => {
  world = await startAzureWorld();
});
afterAll(async () => {
  await world.server.close();
  for (const name of [PUBLIC, PRIVATE]) await blobs().getContainerClient(name).deleteIfExists();
});
beforeEach(async () => {
  account = addStorageAccount(world.storage, {
    subscription: SUB,
    resourceGroup: 'data-rg',
    name: 'custdata',
    location: 'westeurope',
    allowBlobPublicAccess: true,
  });
  for (const name of [PUBLIC, PRIVATE]) await blobs().getContainerClient(name).deleteIfExists();
  await blobs().getContainerClient(PUBLIC).create({ access: 'container' });
  await blobs().getContainerClient(PRIVATE).create();
  await blobs()
    .getContainerClient(PUBLIC)
    .setAccessPolicy('container', [
      {
        id: 'read-policy',
        accessPolicy: {
          permissions: 'r',
          startsOn: new Date('2026-01-01T00:00:00Z'),
          expiresOn: new Date('2027-01-01T00:00:00Z'),
        },
      },
    ]);
});

const ctx = () => contextFor(storageAccountId(account), 'object_storage');
const c = () => world.clients(ctx().target);
const publicOf = async (name: string) =>
  (await blobs().getContainerClient(name).getAccessPolicy()).blobPublicAccess;

describe('azure.storage.disallow_public_access', () => {
  it('sees the account setting and the public container', async () => {
    const check = await entry.check(ctx(), await c());
    expect(check.needed).toBe(true);
    expect(check.plan).toContain('set allowBlobPublicAccess=false on the storage account');
    expect(check.plan).toContain(`set container ${PUBLIC} access to private`);
    expect(check.plan).not.toContain(`set container ${PRIVATE} access to private`);
  });

  it('disallows public access on the account (ARM) and sets the container private (Blob service)', async () => {
    const { changes } = await entry.apply(ctx(), await c());
    expect(changes).toContain('set allowBlobPublicAccess=false on custdata');
    expect(changes).toContain(`set container ${PUBLIC} private (was container)`);
    expect(account.allowBlobPublicAccess).toBe(false);
    expect(await publicOf(PUBLIC)).toBeUndefined();
    const patch = world.server.requests.find((r) => r.method === 'PATCH');
    expect(patch?.json).toEqual({ properties: { allowBlobPublicAccess: false } });
    expect(patch?.query.get('api-version')).toBe('2026-09-01');
    expect(await entry.verify(ctx(), await c())).toEqual({
      ok: true,
      observed: 'public access disallowed; no public container',
    });
  });

  it('keeps the container stored access policies when it sets the container private', async () => {
    await entry.apply(ctx(), await c());
    const policy = await blobs().getContainerClient(PUBLIC).getAccessPolicy();
    expect(policy.signedIdentifiers.map((s) => [s.id, s.accessPolicy?.permissions])).toEqual([
      ['read-policy', 'r'],
    ]);
  });

  it('treats an account without the setting as allowing public access', async () => {
    delete account.allowBlobPublicAccess;
    await blobs().getContainerClient(PUBLIC).setAccessPolicy();
    expect(await entry.check(ctx(), await c())).toEqual({
      needed: true,
      reason: 'account allows blob public access',
      plan: ['set allowBlobPublicAccess=false on the storage account'],
    });
  });

  it('reports a deleted account as gone', async () => {
    world.storage.accounts.clear();
    await expect(entry.check(ctx(), await c())).rejects.toMatchObject({
      name: 'ResourceGoneError',
      message: 'storage account custdata no longer exists',
    });
  });
});
