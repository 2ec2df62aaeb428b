import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceStop as entry } from '../../../src/remediation/gcp/instance-stop.js';
import { addInstance } from '../../contract/gce.js';
import { contextFor, type GcpWorld, PROJECT, startGcpWorld } from './setup.js';

let world: GcpWorld;
beforeAll(async () => {
  world = await startGcpWorld();
});
afterAll(() => world.server.close());

const instance = (name: string, status: 'RUNNING' | 'TERMINATED') =>
  addInstance(world.compute, {
    project: PROJECT,
    zone: 'europe-west1-b',
    name,
    id: String(1000 + name.length),
    machineType: 'e2-standard-4',
    labels: { env: 'dev' },
    status,
  });
const ctx = (name: string) =>
  contextFor(`projects/${PROJECT}/zones/europe-west1-b/instances/${name}`, 'compute_instance');

describe('gcp.compute.stop_instance', () => {
  it('stops a running instance, waiting for the zone operation, and verifies', async () => {
    const fake = instance('idle-worker', 'RUNNING');
    const c = await world.clients(ctx('idle-worker').target);
    expect(await entry.check(ctx('idle-worker'), c)).toEqual({
      needed: true,
      reason: 'instance idle-worker is RUNNING',
      plan: ['stop instance idle-worker'],
    });
    expect(await entry.apply(ctx('idle-worker'), c)).toEqual({ changes: ['stopped instance idle-worker'] });
    expect(fake.status).toBe('TERMINATED');
    expect(world.compute.actions).toContain('stop idle-worker');
    expect(await entry.verify(ctx('idle-worker'), c)).toEqual({
      ok: true,
      observed: 'instance status is TERMINATED',
    });
  });

  it('needs nothing for a stopped instance', async () => {
    instance('already-off', 'TERMINATED');
    expect(await entry.check(ctx('already-off'), await world.clients(ctx('already-off').target))).toEqual({
      needed: false,
      reason: 'instance already-off is TERMINATED',
      plan: [],
    });
  });

  it('reports a deleted instance as gone', async () => {
    await expect(
      entry.check(ctx('deleted'), await world.clients(ctx('deleted').target)),
    ).rejects.toMatchObject({
      name: 'ResourceGoneError',
      message: 'instance deleted no longer exists',
    });
  });
});
