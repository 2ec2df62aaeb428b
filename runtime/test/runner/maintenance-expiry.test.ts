// The maintenance trigger expires append-only records by the deployment config's retention
// before it compacts: here audit kept 30 days, reports the default 90.

import { parseExtensionConfig } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { handleTrigger } from '../../src/runner/handle-trigger.js';
import { appendRecords, initSnapshot, loadCollection, verifySnapshot } from '../../src/snapshot/index.js';
import { testRig } from '../pipeline/support/deps.js';

const NOW = new Date('2026-11-22T03:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const vector = [1, 0, 0, 0];

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
    const { snapshot } = await initSnapshot(runtime.store, runtime.secrets, { now: () => NOW });
    const model = { model: 'test-axis-4' };
    await appendRecords(
      snapshot,
      'audit',
      [
        { id: 'audit:old', vector, payload: { at: daysAgo(31) } },
        { id: 'audit:new', vector, payload: { at: daysAgo(29) } },
      ],
      model,
    );
    await appendRecords(
      snapshot,
      'immutable_reports',
      [
        { id: 'report:old', vector, payload: { generated_at: daysAgo(91) } },
        { id: 'report:new', vector, payload: { generated_at: daysAgo(31) } },
      ],
      model,
    );

    const result = await handleTrigger({ kind: 'maintenance' }, rig.deps);

    expect(result.status).toBe('done');
    const ids = async (collection: string) => {
      const out: string[] = [];
      for await (const r of (await loadCollection(snapshot, collection)).records()) out.push(r.id);
      return out;
    };
    expect(await ids('audit')).toEqual(['audit:new']);
    expect(await ids('immutable_reports')).toEqual(['report:new']);
    expect((await verifySnapshot(snapshot)).ok).toBe(true);
    const log = rig.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'state maintenance');
    expect(log?.expired).toEqual({ executed_operations: 0, immutable_reports: 1, audit: 1 });
  });
});
