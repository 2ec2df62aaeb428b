// Dev shutdown and morning start on 100 VMs of each cloud, one suite for both: the job
// touches exactly the matching dev VMs through throttling, unavailable calls and
// long-running operations, is a no-op when run again, and verifies what it started.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryOperationLog } from '../../src/jobs/operation-log.js';
import { runJob } from '../../src/jobs/run-job.js';
import { stopDevJob } from './fixtures.js';
import { azureVms, gceInstances, type VmWorld } from './vm-fleet-scenarios.js';

describe.each([azureVms, gceInstances])('dev shutdown on $title', (scenario) => {
  let world: VmWorld;
  beforeAll(async () => {
    world = await scenario.start();
  });
  afterAll(async () => {
    await world?.server.close();
  });
  const selector = {
    resource_types: ['compute_instance' as const],
    clouds: [scenario.cloud],
    tags: scenario.tags,
  };
  const stop = stopDevJob({ selector });
  const log = new MemoryOperationLog();
  const run = (job: typeof stop, at: string, snapshot = world.estate()) =>
    runJob(job, new Date(at), {
      estate: async () => snapshot,
      fleets: () => world.fleet,
      log,
      actor: 'runner:test',
    });

  it('stops exactly the matching dev VMs through 429s, 503s and long-running operations', async () => {
    const snapshot = world.estate();
    // Changed after the snapshot: two dev VMs opt out.
    for (const id of world.dev.slice(0, 2)) world.optOut(id);
    world.server.injectFaults(...scenario.faults);

    const result = await run(stop, '2026-11-20T19:00:00Z', snapshot);

    expect(world.stopped().sort()).toEqual(world.dev.slice(2).sort());
    expect(world.prod.every(world.isRunning)).toBe(true);
    expect(world.actions().filter((a) => a.startsWith(`${scenario.stopAction} `))).toHaveLength(58);
    expect(result.operations.filter((o) => o.outcome === 'succeeded')).toHaveLength(58);
    expect(result.operations.filter((o) => o.outcome === 'failed')).toEqual([]);
    expect(
      result.operations
        .filter((o) => o.outcome === 'skipped')
        .map((o) => o.target.resource_id)
        .sort(),
    ).toEqual(world.dev.slice(0, 2).sort());
    // 58 accepted plus the throttled and the unavailable attempt, each retried.
    const stopCalls = world.server.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith(`/${scenario.stopAction}`),
    );
    expect(stopCalls).toHaveLength(60);
    expect(result.summary).toMatch(scenario.summary);
  });

  it(`makes no ${scenario.stopAction} call on an immediate second run`, async () => {
    const before = world.actions().length;
    const result = await run(stop, '2026-11-21T19:00:00Z');
    expect(world.actions().length).toBe(before);
    expect(result.operations.filter((o) => o.reason === scenario.alreadyStopped)).toHaveLength(58);
  });

  it('starts them again, verifies each one is running, and reports one that fails to come up', async () => {
    const start = stopDevJob({ name: 'dev-morning-start', action: 'start', selector });
    const broken = world.failToBoot ? (world.dev[5] as string) : undefined;
    // The start operation succeeds, then the VM falls back: its disk's KMS key is disabled.
    if (broken) world.failToBoot?.(broken, 'Cloud KMS key is disabled');
    const result = await run(start, '2026-11-23T07:00:00Z');
    const failed = result.operations.filter((o) => o.outcome === 'failed');
    expect(failed.map((o) => [o.target.resource_id, o.error])).toEqual(
      broken ? [[broken, 'expected running, found stopped: Cloud KMS key is disabled']] : [],
    );
    const verified = result.operations.filter((o) => o.outcome === 'succeeded' && o.verified === true);
    expect(verified).toHaveLength(broken ? 57 : 58);
    expect(world.dev.filter((id) => id !== broken).every(world.isRunning)).toBe(true);
  });
});
