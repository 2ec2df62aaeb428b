// A seeded Azure subscription behind one ARM contract server (TLS): VMs with daily CPU in
// Azure Monitor, managed disks and snapshots, NSGs, storage accounts with containers,
// resource group deployments and Cost Management rows, all relative to the report clock.

import type { TokenCredential } from '@azure/identity';
import { AzureClients } from '../../../src/clouds/azure/clients.js';
import { addDays, dayOf } from '../../../src/report/collectors/cost-window.js';
import {
  addDisk,
  addSnapshot,
  addVm,
  azureCompute,
  diskId,
  type FakeVm,
  snapshotId,
  vmId,
} from '../../contract/azure-compute.js';
import { type AzureCostState, azureCostRoutes } from '../../contract/azure-cost.js';
import { azureMonitor, monitorVm } from '../../contract/azure-monitor.js';
import { addNsg, allowTcpIn, azureNetwork } from '../../contract/azure-network.js';
import { azureResources } from '../../contract/azure-resources.js';
import { addStorageAccount, azureStorage, storageAccountId } from '../../contract/azure-storage.js';
import { type ContractServer, startContractServer } from '../../contract/server.js';
import { runtimeEnvWith } from '../../support/emulators.js';

export const AZURE_SUB = '7a1b2c3d-0000-4000-8000-00000000a2e0';
const LOCATION = 'eastus';
const DAY_MS = 86_400_000;

/** A fixed bearer token: the contract server does not check it, only that one is sent. */
export const testCredential: TokenCredential = {
  getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** Cost per service: yesterday $444.25, the day before $350.25, $340 every earlier day. */
export const AZURE_COST = {
  yesterday: { 'Virtual Machines': 402.75, Storage: 41.5 },
  previous: { 'Virtual Machines': 310.25, Storage: 40 },
  earlier: { 'Virtual Machines': 300, Storage: 40 },
};

export interface AzureEstate {
  server: ContractServer;
  clients: AzureClients;
  ids: Record<string, string>;
}

function costRows(reportDay: string): [number, number, string][] {
  const rows: [number, number, string][] = [];
  for (let d = `${addDays(reportDay, -1).slice(0, 8)}01`; d < reportDay; d = addDays(d, 1)) {
    const services =
      d === addDays(reportDay, -1)
        ? AZURE_COST.yesterday
        : d === addDays(reportDay, -2)
          ? AZURE_COST.previous
          : AZURE_COST.earlier;
    for (const [service, cost] of Object.entries(services))
      rows.push([cost, Number(d.replace(/-/g, '')), service]);
  }
  return rows;
}

export async function startAzureEstate(clock: Date): Promise<AzureEstate> {
  const compute = azureCompute();
  const monitor = azureMonitor();
  const network = azureNetwork();
  const storage = azureStorage();
  const resources = azureResources();
  // Three rows a page, so the cost collector has to follow nextLink.
  const cost: AzureCostState = {
    rows: new Map([[AZURE_SUB, costRows(dayOf(clock))]]),
    denied: new Set(),
    bodies: [],
    pageSize: 3,
  };
  const server = await startContractServer({
    routes: [
      ...compute.routes,
      ...monitor.routes,
      ...network.routes,
      ...storage.routes,
      ...resources.routes,
      ...azureCostRoutes(cost),
    ],
    tls: true,
  });
  const ids: Record<string, string> = {};
  const vm = (
    name: string,
    size: string,
    power: FakeVm['power'],
    cpu?: number,
    extra: Partial<FakeVm> = {},
  ) => {
    const added = addVm(compute, {
      subscription: AZURE_SUB,
      resourceGroup: 'rg-app',
      name,
      location: LOCATION,
      size,
      tags: { environment: name.includes('web') ? 'production' : 'dev' },
      power,
      ...extra,
    });
    if (cpu !== undefined) monitorVm(monitor, vmId(added), LOCATION, cpu);
    ids[name] = vmId(added);
  };
  vm('vm-idle-dev', 'Standard_D4s_v5', 'running', 2);
  vm('vm-web-01', 'Standard_D8s_v5', 'running', 20);
  vm('vm-busy', 'Standard_B2s', 'running', 70);
  vm('vm-parked', 'Standard_D2s_v5', 'deallocated');
  vm('vm-powered-off', 'Standard_D2s_v5', 'stopped');
  vm('vm-broken', 'Standard_E4s_v5', 'deallocated', undefined, { provisioningError: 'AllocationFailed' });

  const disk = (name: string, sizeGb: number, sku: 'Premium_LRS' | 'Standard_LRS', managedBy?: string) => {
    const d = addDisk(compute, {
      subscription: AZURE_SUB,
      resourceGroup: 'rg-data',
      name,
      location: LOCATION,
      sizeGb,
      sku,
      tags: {},
      ...(managedBy ? { managedBy } : {}),
    });
    ids[name] = diskId(d);
  };
  disk('vm-idle-dev-os', 128, 'Premium_LRS', ids['vm-idle-dev']);
  disk('data-orphan', 256, 'Premium_LRS');
  disk('archive-orphan', 100, 'Standard_LRS');

  const snapshot = (
    name: string,
    sourceDisk: string,
    ageDays: number,
    state: 'Succeeded' | 'Failed' = 'Succeeded',
  ) => {
    const s = addSnapshot(compute, {
      subscription: AZURE_SUB,
      resourceGroup: 'rg-data',
      name,
      location: LOCATION,
      sizeGb: 64,
      sourceDiskId: sourceDisk,
      timeCreated: new Date(clock.getTime() - ageDays * DAY_MS).toISOString(),
      provisioningState: state,
    });
    ids[name] = snapshotId(s);
  };
  const goneDisk = diskId({ subscription: AZURE_SUB, resourceGroup: 'rg-data', name: 'deleted-disk' });
  snapshot('snap-orphan-old', goneDisk, 120);
  snapshot('snap-kept-old', ids['vm-idle-dev-os'] as string, 120);
  snapshot('snap-orphan-young', goneDisk, 10);
  snapshot('snap-nightly-failed', ids['vm-idle-dev-os'] as string, 1, 'Failed');

  addNsg(network, {
    subscription: AZURE_SUB,
    resourceGroup: 'rg-app',
    name: 'nsg-web',
    location: LOCATION,
    rules: [
      allowTcpIn('allow-ssh-any', 100, '22', '*'),
      allowTcpIn('allow-https', 110, '443', 'Internet'),
      allowTcpIn('rdp-office', 120, '3389', '203.0.113.0/24'),
    ],
  });
  addNsg(network, {
    subscription: AZURE_SUB,
    resourceGroup: 'rg-app',
    name: 'nsg-jump',
    location: LOCATION,
    rules: [
      {
        name: 'mgmt-range',
        protocol: '*',
        access: 'Allow',
        direction: 'Inbound',
        priority: 100,
        destinationPortRanges: ['3380-3390'],
        sourceAddressPrefixes: ['Internet'],
      },
      {
        name: 'deny-ssh',
        protocol: 'Tcp',
        access: 'Deny',
        direction: 'Inbound',
        priority: 90,
        destinationPortRange: '22',
        sourceAddressPrefix: '*',
      },
    ],
  });

  const account = (
    name: string,
    allow: boolean | undefined,
    containers: Record<string, 'None' | 'Blob' | 'Container'>,
  ) => {
    const a = addStorageAccount(storage, {
      subscription: AZURE_SUB,
      resourceGroup: 'rg-data',
      name,
      location: LOCATION,
      ...(allow === undefined ? {} : { allowBlobPublicAccess: allow }),
      containers,
    });
    ids[name] = storageAccountId(a);
  };
  account('stpublicassets', true, { assets: 'Blob', internal: 'None' });
  account('stlocked', false, { web: 'Container' });
  account('stlegacy', undefined, { logs: 'None' });

  resources.groups.set(
    AZURE_SUB,
    new Map([
      ['rg-app', LOCATION],
      ['rg-data', LOCATION],
    ]),
  );
  const deployment = (name: string, state: 'Succeeded' | 'Failed', hoursAgo: number) =>
    resources.deployments.push({
      subscription: AZURE_SUB,
      resourceGroup: 'rg-app',
      name,
      provisioningState: state,
      timestamp: new Date(clock.getTime() - hoursAgo * 3_600_000).toISOString(),
      ...(state === 'Failed'
        ? {
            error: {
              code: 'DeploymentFailed',
              message: 'At least one resource deployment operation failed.',
            },
          }
        : {}),
    });
  deployment('web-release-42', 'Failed', 3);
  deployment('web-release-17', 'Failed', 240);
  deployment('web-release-43', 'Succeeded', 2);
  ids['web-release-42'] =
    `/subscriptions/${AZURE_SUB}/resourceGroups/rg-app/providers/Microsoft.Resources/deployments/web-release-42`;

  const clients = new AzureClients(
    runtimeEnvWith({
      ESCHER_AZURE_ARM_ENDPOINT: server.url,
      // Loopback has no {region}.metrics.monitor.azure.com: the region is the first path segment.
      ESCHER_AZURE_METRICS_ENDPOINT: `${server.url}/{region}`,
    }),
    {
      credential: testCredential,
      ca: server.ca as string,
      retryDelayInMs: 5,
    },
  );
  return { server, clients, ids };
}
