import { type EstateResource, EstateResourceSchema } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AzureClients } from '../../src/clouds/azure/clients.js';
import { AzureVmFleet } from '../../src/clouds/azure/vm-fleet.js';
import { loadRuntimeEnv } from '../../src/config/env.js';
import { MemoryOperationLog } from '../../src/jobs/operation-log.js';
import { runJob } from '../../src/jobs/run-job.js';
import { type AzureComputeState, addVm, azureCompute, vmId } from '../contract/azure-compute.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { stopDevJob } from './fixtures.js';

const SUB = '00000000-0000-0000-0000-000000000001';
const credential = {
  getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

let server: ContractServer;
let arm: AzureComputeState;
let fleet: AzureVmFleet;
const dev: string[] = [];
const prod: string[] = [];

beforeAll(async () => {
  arm = azureCompute({ inProgressPolls: 2 });
  for (let i = 0; i < 100; i++) {
    const isDev = i < 60;
    const vm = addVm(arm, {
      subscription: SUB,
      resourceGroup: i % 2 ? 'rg-web' : 'rg-data',
      name: `vm-${String(i).padStart(3, '0')}`,
      location: 'westeurope',
      size: 'Standard_B2s',
      tags: isDev ? { env: 'dev' } : { env: 'prod', environment: 'production' },
      power: 'running',
    });
    (isDev ? dev : prod).push(vmId(vm));
  }
  server = await startContractServer({ routes: arm.routes, tls: true });
  const env = loadRuntimeEnv({ ESCHER_AZURE_ARM_ENDPOINT: server.url });
  const clients = new AzureClients(env, { credential, ca: server.ca as string, retryDelayInMs: 5 });
  fleet = new AzureVmFleet(clients.compute(SUB), { pollIntervalMs: 5, lroIntervalMs: 5 });
});
afterAll(async () => {
  await server?.close();
});

function estate(): EstateResource[] {
  return [...arm.vms.values()].map((vm) =>
    EstateResourceSchema.parse({
      cloud_provider: 'azure',
      resource_type: 'compute_instance',
      account_id: SUB,
      region: vm.location,
      resource_id: vmId(vm),
      name: vm.name,
      size: vm.size,
      tags: { ...vm.tags },
      ...(vm.tags.environment === 'production' ? { environment: 'production' } : {}),
    }),
  );
}

describe('dev shutdown on 100 Azure VMs (ARM contract server)', () => {
  const job = stopDevJob({
    selector: {
      resource_types: ['compute_instance'],
      clouds: ['azure'],
      tags: 'env=dev AND NOT escher:skip=true',
    },
  });
  const log = new MemoryOperationLog();

  it('deallocates exactly the matching dev VMs through 429s, 503s and long-running operations', async () => {
    const snapshot = estate();
    // Changed after the snapshot: two dev VMs opt out.
    for (const id of dev.slice(0, 2)) {
      const vm = arm.vms.get(id.toLowerCase());
      if (vm) vm.tags['escher:skip'] = 'true';
    }
    server.injectFaults(
      {
        method: 'POST',
        path: /\/deallocate$/,
        response: {
          status: 429,
          headers: { 'Retry-After': '0' },
          body: { error: { code: 'TooManyRequests', message: 'throttled' } },
        },
      },
      {
        method: 'POST',
        path: /\/deallocate$/,
        response: { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'try later' } } },
      },
      {
        method: 'GET',
        path: /\/operations\//,
        response: { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'try later' } } },
      },
      {
        method: 'GET',
        path: /\/virtualMachines$/,
        response: {
          status: 429,
          headers: { 'Retry-After': '0' },
          body: { error: { code: 'TooManyRequests', message: 'throttled' } },
        },
      },
    );

    const result = await runJob(job, new Date('2026-11-20T19:00:00Z'), {
      estate: async () => snapshot,
      fleets: () => fleet,
      log,
      actor: 'runner:test',
    });

    const deallocated = [...arm.vms.values()]
      .filter((vm) => vm.power === 'deallocated')
      .map((vm) => vmId(vm));
    expect(deallocated.sort()).toEqual(dev.slice(2).sort());
    expect(prod.every((id) => arm.vms.get(id.toLowerCase())?.power === 'running')).toBe(true);
    expect(arm.actions.filter((a) => a.startsWith('deallocate '))).toHaveLength(58);
    expect(result.operations.filter((o) => o.outcome === 'succeeded')).toHaveLength(58);
    expect(result.operations.filter((o) => o.outcome === 'failed')).toEqual([]);
    expect(
      result.operations
        .filter((o) => o.outcome === 'skipped')
        .map((o) => o.target.resource_id)
        .sort(),
    ).toEqual(dev.slice(0, 2).sort());
    // 58 accepted plus the throttled and the unavailable attempt, each retried by the SDK.
    expect(server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/deallocate'))).toHaveLength(
      60,
    );
    expect(result.summary).toMatch(
      /^Stopped 58 VMs — 58 Azure — in \d+ s; est\. savings \$1132\/month \(2 skipped\)$/,
    );
  });

  it('makes no deallocate call on an immediate second run', async () => {
    const before = arm.actions.length;
    const result = await runJob(job, new Date('2026-11-21T19:00:00Z'), {
      estate: async () => estate(),
      fleets: () => fleet,
      log,
      actor: 'runner:test',
    });
    expect(arm.actions.length).toBe(before);
    expect(result.operations.filter((o) => o.reason === 'already deallocated')).toHaveLength(58);
  });

  it('starts them again and verifies each one is running', async () => {
    const start = stopDevJob({
      name: 'dev-morning-start',
      action: 'start',
      selector: {
        resource_types: ['compute_instance'],
        clouds: ['azure'],
        tags: 'env=dev AND NOT escher:skip=true',
      },
    });
    const result = await runJob(start, new Date('2026-11-23T07:00:00Z'), {
      estate: async () => estate(),
      fleets: () => fleet,
      log,
      actor: 'runner:test',
    });
    expect(result.operations.filter((o) => o.outcome === 'succeeded' && o.verified === true)).toHaveLength(
      58,
    );
    expect(dev.every((id) => arm.vms.get(id.toLowerCase())?.power === 'running')).toBe(true);
  });
});
