// The two 100-VM estates the dev-shutdown suite runs on: Azure VMs behind the ARM contract
// server and Compute Engine instances behind its contract server, 60 dev and 40 prod each,
// with each cloud's faults and its way of telling a stopped VM from a running one.

import { type EstateResource, EstateResourceSchema } from '@escher/shared';
import { OAuth2Client } from 'google-auth-library';
import { AzureClients } from '../../src/clouds/azure/clients.js';
import { AzureVmFleet } from '../../src/clouds/azure/vm-fleet.js';
import { GcpClients } from '../../src/clouds/gcp/clients.js';
import { GceFleet } from '../../src/clouds/gcp/gce-fleet.js';
import { loadRuntimeEnv } from '../../src/config/env.js';
import type { runJob } from '../../src/jobs/run-job.js';
import { addVm, azureCompute, vmId } from '../contract/azure-compute.js';
import { addInstance, gce } from '../contract/gce.js';
import { type ContractServer, type Fault, startContractServer } from '../contract/server.js';

type Fleet = ReturnType<Parameters<typeof runJob>[2]['fleets']>;

export interface VmWorld {
  server: ContractServer;
  fleet: Fleet;
  dev: string[];
  prod: string[];
  estate(): EstateResource[];
  /** Sets the opt-out tag on a VM after the snapshot was taken. */
  optOut(id: string): void;
  stopped(): string[];
  isRunning(id: string): boolean;
  /** Actions the contract server accepted, as "<action> <name>". */
  actions(): string[];
  /** Makes the VM fall back to stopped after a start succeeds, with this reason (where the cloud reports one). */
  failToBoot?(id: string, reason: string): void;
}

export interface VmScenario {
  title: string;
  cloud: 'azure' | 'gcp';
  /** The job's tag expression: dev VMs that did not opt out. */
  tags: string;
  stopAction: string;
  alreadyStopped: string;
  summary: RegExp;
  /** One throttled and one unavailable stop, a failing operation poll and a throttled listing. */
  faults: Fault[];
  start(): Promise<VmWorld>;
}

const split = (isDev: boolean, id: string, dev: string[], prod: string[]) => (isDev ? dev : prod).push(id);
const envTags = (isDev: boolean): Record<string, string> =>
  isDev ? { env: 'dev' } : { env: 'prod', environment: 'production' };

const SUB = '00000000-0000-0000-0000-000000000001';
const azureThrottled = {
  status: 429,
  headers: { 'Retry-After': '0' },
  body: { error: { code: 'TooManyRequests', message: 'throttled' } },
};
const azureUnavailable = {
  status: 503,
  body: { error: { code: 'ServiceUnavailable', message: 'try later' } },
};

export const azureVms: VmScenario = {
  title: '100 Azure VMs (ARM contract server)',
  cloud: 'azure',
  tags: 'env=dev AND NOT escher:skip=true',
  stopAction: 'deallocate',
  alreadyStopped: 'already deallocated',
  summary: /^Stopped 58 VMs — 58 Azure — in \d+ s; est\. savings \$1132\/month \(2 skipped\)$/,
  faults: [
    { method: 'POST', path: /\/deallocate$/, response: azureThrottled },
    { method: 'POST', path: /\/deallocate$/, response: azureUnavailable },
    { method: 'GET', path: /\/operations\//, response: azureUnavailable },
    { method: 'GET', path: /\/virtualMachines$/, response: azureThrottled },
  ],
  async start() {
    const arm = azureCompute({ inProgressPolls: 2 });
    const dev: string[] = [];
    const prod: string[] = [];
    for (let i = 0; i < 100; i++) {
      const vm = addVm(arm, {
        subscription: SUB,
        resourceGroup: i % 2 ? 'rg-web' : 'rg-data',
        name: `vm-${String(i).padStart(3, '0')}`,
        location: 'westeurope',
        size: 'Standard_B2s',
        tags: envTags(i < 60),
        power: 'running',
      });
      split(i < 60, vmId(vm), dev, prod);
    }
    const server = await startContractServer({ routes: arm.routes, tls: true });
    const credential = {
      getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
    };
    const env = loadRuntimeEnv({ ESCHER_AZURE_ARM_ENDPOINT: server.url });
    const clients = new AzureClients(env, { credential, ca: server.ca as string, retryDelayInMs: 5 });
    const vm = (id: string) => arm.vms.get(id.toLowerCase());
    return {
      server,
      fleet: new AzureVmFleet(clients.compute(SUB), { pollIntervalMs: 5, lroIntervalMs: 5 }),
      dev,
      prod,
      estate: () =>
        [...arm.vms.values()].map((v) =>
          EstateResourceSchema.parse({
            cloud_provider: 'azure',
            resource_type: 'compute_instance',
            account_id: SUB,
            region: v.location,
            resource_id: vmId(v),
            name: v.name,
            size: v.size,
            tags: { ...v.tags },
            ...(v.tags.environment === 'production' ? { environment: 'production' } : {}),
          }),
        ),
      optOut: (id) => {
        const found = vm(id);
        if (found) found.tags['escher:skip'] = 'true';
      },
      stopped: () => [...arm.vms.values()].filter((v) => v.power === 'deallocated').map((v) => vmId(v)),
      isRunning: (id) => vm(id)?.power === 'running',
      actions: () => arm.actions,
    };
  },
};

const PROJECT = 'demo-project';
const gcePath = (zone: string, name: string) => `projects/${PROJECT}/zones/${zone}/instances/${name}`;
const gceThrottled = { status: 429, body: { error: { code: 429, message: 'Rate Limit Exceeded' } } };
const gceUnavailable = { status: 503, body: { error: { code: 503, message: 'Backend Error' } } };

export const gceInstances: VmScenario = {
  title: '100 Compute Engine instances (contract server)',
  cloud: 'gcp',
  // GCP label keys take no colon.
  tags: 'env=dev AND NOT escher-skip=true',
  stopAction: 'stop',
  alreadyStopped: 'already stopped',
  summary: /^Stopped 58 VMs — 58 GCP — in \d+ s; est\. savings \$912\/month \(2 skipped\)$/,
  faults: [
    { method: 'POST', path: /\/stop$/, response: gceThrottled },
    { method: 'POST', path: /\/stop$/, response: gceUnavailable },
    { method: 'POST', path: /\/wait$/, response: gceUnavailable },
    { method: 'GET', path: /\/aggregated\/instances$/, response: gceThrottled },
  ],
  async start() {
    const api = gce({ inProgressPolls: 1 });
    const dev: string[] = [];
    const prod: string[] = [];
    for (let i = 0; i < 100; i++) {
      const zone = i % 2 ? 'us-central1-a' : 'us-central1-b';
      const name = `gce-${String(i).padStart(3, '0')}`;
      addInstance(api, {
        project: PROJECT,
        zone,
        name,
        id: String(5_000_000_000 + i),
        machineType: 'e2-medium',
        labels: envTags(i < 60),
        status: 'RUNNING',
      });
      split(i < 60, gcePath(zone, name), dev, prod);
    }
    const server = await startContractServer({ routes: api.routes });
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
    const clients = new GcpClients(loadRuntimeEnv({ ESCHER_GCE_ENDPOINT: server.url }), { authClient });
    const instance = (id: string) => [...api.instances.values()].find((i) => gcePath(i.zone, i.name) === id);
    return {
      server,
      fleet: new GceFleet(clients.instances(), clients.zoneOperations(), {
        pollIntervalMs: 5,
        retry: { baseDelayMs: 1 },
      }),
      dev,
      prod,
      estate: () =>
        [...api.instances.values()].map((i) =>
          EstateResourceSchema.parse({
            cloud_provider: 'gcp',
            resource_type: 'compute_instance',
            account_id: PROJECT,
            region: 'us-central1',
            resource_id: gcePath(i.zone, i.name),
            name: i.name,
            size: i.machineType,
            tags: { ...i.labels },
            metadata: { zone: i.zone },
            ...(i.labels.environment === 'production' ? { environment: 'production' } : {}),
          }),
        ),
      optOut: (id) => {
        const found = instance(id);
        if (found) found.labels['escher-skip'] = 'true';
      },
      stopped: () =>
        [...api.instances.values()]
          .filter((i) => i.status === 'TERMINATED')
          .map((i) => gcePath(i.zone, i.name)),
      isRunning: (id) => instance(id)?.status === 'RUNNING',
      actions: () => api.actions,
      failToBoot: (id, reason) => api.failToBoot.set(instance(id)?.name ?? '', reason),
    };
  },
};
