import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vmDeallocate as entry } from '../../../src/remediation/azure/vm-deallocate.js';
import { addVm, vmId } from '../../contract/azure-compute.js';
import { type AzureWorld, contextFor, SUB, startAzureWorld } from './setup.js';

let world: AzureWorld;
beforeAll(async () => {
  world = await startAzureWorld();
});
afterAll(() => world.server.close());

const vm = (name: string, power: 'running' | 'deallocated' | 'stopped') =>
  addVm(world.compute, {
    subscription: SUB,
    resourceGroup: 'dev-rg',
    name,
    location: 'westeurope',
    size: 'Standard_D2s_v5',
    tags: { env: 'dev' },
    power,
  });
const ctx = (name: string) =>
  contextFor(vmId({ subscription: SUB, resourceGroup: 'dev-rg', name }), 'compute_instance');

describe('azure.compute.deallocate_vm', () => {
  it('deallocates a running VM through the long-running operation and verifies', async () => {
    const fake = vm('build-agent-1', 'running');
    const c = await world.clients(ctx('build-agent-1').target);
    expect(await entry.check(ctx('build-agent-1'), c)).toEqual({
      needed: true,
      reason: 'VM build-agent-1 is running',
      plan: ['deallocate VM build-agent-1'],
    });
    expect(await entry.apply(ctx('build-agent-1'), c)).toEqual({ changes: ['deallocated VM build-agent-1'] });
    expect(fake.power).toBe('deallocated');
    expect(await entry.verify(ctx('build-agent-1'), c)).toEqual({
      ok: true,
      observed: 'VM power state is deallocated',
    });
  });

  it('deallocates a VM that is only powered off, since it is still billed', async () => {
    vm('build-agent-2', 'stopped');
    const check = await entry.check(ctx('build-agent-2'), await world.clients(ctx('build-agent-2').target));
    expect(check.needed).toBe(true);
  });

  it('needs nothing for a deallocated VM', async () => {
    vm('build-agent-3', 'deallocated');
    const check = await entry.check(ctx('build-agent-3'), await world.clients(ctx('build-agent-3').target));
    expect(check).toEqual({ needed: false, reason: 'VM build-agent-3 is already deallocated', plan: [] });
  });

  it('reports a VM that no longer exists as gone', async () => {
    await expect(
      entry.check(ctx('deleted-vm'), await world.clients(ctx('deleted-vm').target)),
    ).rejects.toMatchObject({
      name: 'ResourceGoneError',
      message: 'VM deleted-vm no longer exists',
    });
  });
});
