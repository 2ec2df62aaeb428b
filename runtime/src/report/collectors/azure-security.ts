// Azure security facts: storage accounts whose blob containers are readable anonymously,
// network security group rules letting the internet reach an admin port, and the managed
// disks (always encrypted at rest by Azure, so they never count as unencrypted).

import type { NetworkManagementClient, SecurityRule } from '@azure/arm-network';
import type { StorageManagementClient } from '@azure/arm-storage';
import { ConfigError } from '../../errors.js';
import { exposesAdminPort } from '../../remediation/azure/nsg-rules.js';
import { ADMIN_PORTS } from './aws-security.js';
import { diskFact, disks, listAll, resourceGroupOf } from './azure-inventory.js';
import type { Collector } from './collector.js';
import type { ExposureFact } from './observations.js';

/**
 * An account exposes data only when it allows blob public access (an absent setting is
 * the pre-2023 default: allowed) and a container's access level is Blob or Container.
 */
async function publicContainers(storage: StorageManagementClient): Promise<ExposureFact[]> {
  const found: ExposureFact[] = [];
  for (const account of await listAll(storage.storageAccounts.list())) {
    if (account.allowBlobPublicAccess === false) continue;
    const id = account.id ?? '';
    const containers = await listAll(storage.blobContainers.list(resourceGroupOf(id), account.name ?? ''));
    const open = containers.filter((c) => c.publicAccess === 'Blob' || c.publicAccess === 'Container');
    if (open.length === 0) continue;
    found.push({
      kind: 'public_bucket',
      resource_id: id,
      name: account.name ?? '',
      region: account.location,
      detail: `anonymous read on container${open.length > 1 ? 's' : ''} ${open.map((c) => `${c.name} (${c.publicAccess})`).join(', ')}`,
    });
  }
  return found;
}

/** The first admin port an inbound Allow rule opens to the internet, if any (the remediation's test). */
export function adminPortOpenedBy(rule: SecurityRule): number | undefined {
  return ADMIN_PORTS.find((port) => exposesAdminPort(rule, [port]));
}

async function openAdminRules(network: NetworkManagementClient): Promise<ExposureFact[]> {
  const found: ExposureFact[] = [];
  for (const nsg of await listAll(network.networkSecurityGroups.listAll())) {
    for (const rule of nsg.securityRules ?? []) {
      const port = adminPortOpenedBy(rule);
      if (port === undefined) continue;
      found.push({
        kind: 'open_admin_port',
        resource_id: rule.id ?? `${nsg.id}/securityRules/${rule.name}`,
        name: `${nsg.name}/${rule.name}`,
        region: nsg.location ?? '',
        detail: `port ${port} open to the internet (source ${rule.sourceAddressPrefix ?? rule.sourceAddressPrefixes?.join(', ')})`,
      });
    }
  }
  return found;
}

export const azureSecurity: Collector = {
  name: 'azure.security',
  cloud: 'azure',
  section: 'security',
  async collect(scope, ctx) {
    if (!ctx.azure) throw new ConfigError('no Azure credentials configured');
    const [containers, rules, diskList] = await Promise.all([
      publicContainers(ctx.azure.storage(scope.account)),
      openAdminRules(ctx.azure.network(scope.account)),
      disks(ctx.azure.compute(scope.account)),
    ]);
    return { section: 'security', exposures: [...containers, ...rules], volumes: diskList.map(diskFact) };
  },
};
