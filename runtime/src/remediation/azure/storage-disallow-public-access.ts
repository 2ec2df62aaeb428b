// Catalog entry azure.storage.disallow_public_access: the storage account's
// allowBlobPublicAccess is set to false (ARM), which overrides every container at once;
// then each container that still has a public access level is set private (Blob service),
// so re-allowing public access on the account later does not silently re-expose them.

import { type CatalogExecutor, type ExecutorContext, noneLeft } from '../executor.js';
import type { AzureRemediationClients } from './clients.js';
import { azureCall } from './errors.js';
import { parseArmId } from './resource-id.js';

const TYPE = 'Microsoft.Storage/storageAccounts';

interface Exposure {
  /** undefined on accounts created before the setting existed: those allow public access. */
  accountAllows: boolean;
  publicContainers: { name: string; access: string }[];
}

async function exposure({ target }: ExecutorContext, c: AzureRemediationClients): Promise<Exposure> {
  const { resourceGroup, name } = parseArmId(target.resource_id, TYPE);
  const account = await azureCall(`storage account ${name}`, () =>
    c.storage.storageAccounts.getProperties(resourceGroup, name),
  );
  const publicContainers: Exposure['publicContainers'] = [];
  await azureCall(`containers of storage account ${name}`, async () => {
    for await (const container of c.blobs(name).listContainers()) {
      const access = container.properties.publicAccess;
      if (access) publicContainers.push({ name: container.name, access });
    }
  });
  return { accountAllows: account.allowBlobPublicAccess !== false, publicContainers };
}

const describe = (e: Exposure) => [
  ...(e.accountAllows ? ['account allows blob public access'] : []),
  ...e.publicContainers.map((c) => `container ${c.name} is public (${c.access})`),
];

export const storageDisallowPublicAccess: CatalogExecutor<AzureRemediationClients> = {
  id: 'azure.storage.disallow_public_access',
  undo: 'Set allowBlobPublicAccess back to true on the account and restore each container access level listed in the operation record; this re-exposes the data.',

  async check(ctx, c) {
    const e = await exposure(ctx, c);
    const found = describe(e);
    return {
      needed: found.length > 0,
      reason:
        found.length > 0 ? found.join('; ') : 'account disallows public access and no container is public',
      plan: [
        ...(e.accountAllows ? ['set allowBlobPublicAccess=false on the storage account'] : []),
        ...e.publicContainers.map((p) => `set container ${p.name} access to private`),
      ],
    };
  },

  async apply(ctx, c) {
    const { resourceGroup, name } = parseArmId(ctx.target.resource_id, TYPE);
    const e = await exposure(ctx, c);
    const changes: string[] = [];
    if (e.accountAllows) {
      await azureCall(`storage account ${name}`, () =>
        c.storage.storageAccounts.update(resourceGroup, name, { allowBlobPublicAccess: false }),
      );
      changes.push(`set allowBlobPublicAccess=false on ${name}`);
    }
    for (const container of e.publicContainers) {
      const client = c.blobs(name).getContainerClient(container.name);
      await azureCall(`container ${container.name}`, async () => {
        // Setting the ACL replaces stored access policies too; carry the existing ones over.
        const current = await client.getAccessPolicy();
        await client.setAccessPolicy(undefined, current.signedIdentifiers);
      });
      changes.push(`set container ${container.name} private (was ${container.access})`);
    }
    return { changes };
  },

  async verify(ctx, c) {
    const found = describe(await exposure(ctx, c));
    return noneLeft(found, 'public access disallowed; no public container', 'still exposed');
  },
};
