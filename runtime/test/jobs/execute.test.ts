import { describe, expect, it } from 'vitest';
import { executeActions } from '../../src/jobs/execute.js';
import { MemoryOperationLog } from '../../src/jobs/operation-log.js';
import { runJob } from '../../src/jobs/run-job.js';
import { FakeFleet } from './fake-fleet.js';
import { stopDevJob, vm } from './fixtures.js';

const ids = Array.from({ length: 10 }, (_, i) => `i-${i}`);

describe('executeActions', () => {
  it('batches change calls up to the fleet limit', async () => {
    const fleet = new FakeFleet(4);
    for (const id of ids) fleet.add(id, 'running');
    const out = await executeActions(
      'stop',
      ids.map((id) => ({ resource: vm('aws', id, { env: 'dev' }) })),
      () => fleet,
    );
    expect(fleet.calls.map((c) => c.length)).toEqual([4, 4, 2]);
    expect(out.every((o) => o.ok && o.state === 'stopped')).toBe(true);
  });

  it('bisects a refused batch until the bad id fails alone', async () => {
    const fleet = new FakeFleet(8, new Set(['i-5']));
    for (const id of ids) fleet.add(id, 'running');
    const out = await executeActions(
      'stop',
      ids.map((id) => ({ resource: vm('aws', id, { env: 'dev' }) })),
      () => fleet,
    );
    const byText = (calls: string[][]) => calls.map((c) => c.join(',')).sort();
    // Batches run concurrently, so compare the set of calls, not their order.
    expect(byText(fleet.calls)).toEqual(
      byText([
        ['i-0', 'i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6', 'i-7'],
        ['i-8', 'i-9'],
        ['i-0', 'i-1', 'i-2', 'i-3'],
        ['i-4', 'i-5', 'i-6', 'i-7'],
        ['i-4', 'i-5'],
        ['i-6', 'i-7'],
        ['i-4'],
        ['i-5'],
      ]),
    );
    expect(out.filter((o) => !o.ok).map((o) => [o.resource.resource_id, o.error])).toEqual([
      ['i-5', 'InvalidInstanceID.Malformed: i-5'],
    ]);
    expect(out.filter((o) => o.ok)).toHaveLength(9);
  });

  it('fails only the targets of a scope whose fleet cannot be built', async () => {
    const fleet = new FakeFleet(10);
    fleet.add('i-1', 'running');
    const out = await executeActions(
      'stop',
      [{ resource: vm('aws', 'i-1', { env: 'dev' }) }, { resource: vm('azure', 'vm-1', { env: 'dev' }) }],
      (scope) => {
        if (scope.cloud === 'azure') throw new Error('no Azure credentials');
        return fleet;
      },
    );
    expect(out.map((o) => [o.resource.resource_id, o.ok, o.error])).toEqual([
      ['i-1', true, undefined],
      ['vm-1', false, 'no Azure credentials'],
    ]);
  });
});

describe('runJob guardrails', () => {
  it('aborts before any call when the selection exceeds max_targets', async () => {
    const fleet = new FakeFleet(10);
    const estate = ids.map((id) => vm('aws', id, { env: 'dev' }));
    for (const id of ids) fleet.add(id, 'running');
    const log = new MemoryOperationLog();
    const job = stopDevJob({ guardrails: { max_targets: 5 } });
    await expect(
      runJob(job, new Date('2026-11-20T19:00:00Z'), {
        estate: async () => estate,
        fleets: () => fleet,
        log,
        actor: 't',
      }),
    ).rejects.toThrow(
      'job "dev-nightly-stop" would stop 10 resources, more than guardrails.max_targets (5); nothing was touched',
    );
    expect(fleet.calls).toEqual([]);
    expect(log.operations).toEqual([]);
  });

  it('records dry_run outcomes and makes no change call in a dry run', async () => {
    const fleet = new FakeFleet(10);
    for (const id of ids.slice(0, 3)) fleet.add(id, 'running');
    const log = new MemoryOperationLog();
    const result = await runJob(stopDevJob({ dry_run: true }), new Date('2026-11-20T19:00:00Z'), {
      estate: async () => ids.slice(0, 3).map((id) => vm('aws', id, { env: 'dev' })),
      fleets: () => fleet,
      log,
      actor: 't',
    });
    expect(fleet.calls).toEqual([]);
    expect(result.operations.map((o) => [o.outcome, o.reason])).toEqual([
      ['dry_run', 'would stop (now running)'],
      ['dry_run', 'would stop (now running)'],
      ['dry_run', 'would stop (now running)'],
    ]);
    expect(result.summary).toBe('Dry run: would have stopped 3 VMs — 3 AWS — in 0 s; est. savings $0/month');
  });

  it('does not act twice when a run is resumed after a crash', async () => {
    const fleet = new FakeFleet(10);
    for (const id of ids.slice(0, 2)) fleet.add(id, 'running');
    const log = new MemoryOperationLog();
    const deps = {
      estate: async () => ids.slice(0, 2).map((id) => vm('aws', id, { env: 'dev' })),
      fleets: () => fleet,
      log,
      actor: 't',
    };
    const at = new Date('2026-11-20T19:00:00Z');
    await runJob(stopDevJob(), at, deps);
    // Someone starts i-0 again; the same scheduled run is triggered a second time.
    fleet.add('i-0', 'running');
    const again = await runJob(stopDevJob(), at, deps);
    expect(fleet.calls).toEqual([['i-0', 'i-1']]);
    expect(again.operations).toEqual([]);
  });
});
