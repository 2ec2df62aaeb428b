// The maintenance trigger expires append-only records by the deployment config's retention
// before it compacts: here audit kept 30 days, reports the default 90.

import { parseExtensionConfig } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { handleTrigger } from '../../src/runner/handle-trigger.js';
import { loadCollection, openSnapshot, verifySnapshot } from '../../src/snapshot/index.js';
import { testRig } from '../pipeline/support/deps.js';

const NOW = new Date('2026-11-22T03:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

describe('the maintenance trigger', () => {
  it('expires records past the configured retention and keeps younger ones', async () => {
    const rig = testRig(undefined);
    const runtime = rig.deps.runtime;
    if (!runtime) throw new Error('the test rig has no runtime');
    rig.deps.clock = () => NOW;
    runtime.config = parseExtensionConfig({
      home_cloud: 'aws',
      aws: { account: '123456789012', region: 'us-east-1' },
      retention: { audit_days: 30 },
    });
    await rig.deps.state.appendRecords('audit', [
      { id: 'audit:old', payload: { at: daysAgo(31) } },
      { id: 'audit:new', payload: { at: daysAgo(29) } },
    ]);
    await rig.deps.state.appendRecords('immutable_reports', [
      { id: 'report:old', payload: { generated_at: daysAgo(91) } },
      { id: 'report:new', payload: { generated_at: daysAgo(31) } },
    ]);

    const result = await handleTrigger({ kind: 'maintenance' }, rig.deps);

    expect(result.status).toBe('done');
    const snapshot = await openSnapshot(runtime.store, runtime.secrets);
    const ids = async (collection: string) => {
      const out: string[] = [];
      for await (const r of (await loadCollection(snapshot, collection)).records()) out.push(r.id);
      return out;
    };
    expect(await ids('audit')).toEqual(['audit:new']);
    expect(await ids('immutable_reports')).toEqual(['report:new']);
    expect((await verifySnapshot(snapshot)).ok).toBe(true);
    // The runner's own view of the state agrees, and an expired id is not written again.
    expect(await rig.deps.state.getRecord('audit', 'audit:old')).toBeUndefined();
    expect(await rig.deps.state.getRecord('audit', 'audit:new')).toMatchObject({ at: daysAgo(29) });
    // Refused with the reason rather than reported as a duplicate: the old record is gone.
    await expect(rig.deps.state.appendRecord('audit', 'audit:old', { at: daysAgo(0) })).rejects.toThrow(
      'record "audit:old" expired under retention and its id cannot be used again',
    );
    expect(await rig.deps.state.getRecord('audit', 'audit:old')).toBeUndefined();
    const log = rig.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'state maintenance');
    expect(log?.expired).toEqual({ executed_operations: 0, immutable_reports: 1, audit: 1 });
  });
});
