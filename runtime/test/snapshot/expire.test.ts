// Retention expiry on the local store and on S3 (moto): records past retention leave the
// append-only collections, younger ones stay byte for byte, the audit chain still verifies
// and continues from the head the expiry replaced, and an expired id is never reused.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  appendRecords,
  deleteRecords,
  expireByRetention,
  expireRecords,
  initSnapshot,
  loadCollection,
  readManifest,
  retentionCutoffs,
  type Snapshot,
  verifySnapshot,
} from '../../src/snapshot/index.js';
import { encodeManifest } from '../../src/snapshot/manifest-store.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { runCli } from '../cli-state/run-cli.js';
import { backends } from '../storage/backends.js';
import { freshSnapshot, MemorySecrets, MODEL, rec } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const NOW = new Date('2026-11-22T02:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const audit = (id: string, days: number, axis = 0) =>
  rec(id, axis, { at: daysAgo(days), actor: 'runner:test', message: `secret detail of ${id}` });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function liveRecords(snap: Snapshot, collection: string) {
  const loaded = await loadCollection(snap, collection);
  const out: Record<string, Record<string, unknown>> = {};
  for await (const r of loaded.records()) out[r.id] = r.payload;
  return out;
}

const onBackends = backends.filter((b) => b.name.startsWith('local') || b.name.startsWith('S3'));

describe.each(onBackends)('expireRecords on $name', (backend) => {
  async function fresh(): Promise<{ snap: Snapshot; store: ObjectStore }> {
    const { store, cleanup } = await backend.open();
    cleanups.push(cleanup);
    const { snapshot } = await initSnapshot(store, new MemorySecrets(), { now: () => NOW });
    return { snap: snapshot, store };
  }

  it('removes audit records past retention, keeps younger ones intact, and verify still passes', async () => {
    const { snap, store } = await fresh();
    await appendRecords(snap, 'audit', [audit('a1', 400), audit('a2', 380)], MODEL);
    await appendRecords(snap, 'audit', [audit('a3', 370), audit('a4', 10)], MODEL);
    await appendRecords(snap, 'audit', [audit('a5', 5), rec('undated', 1, { actor: 'x' })], MODEL);
    const before = await liveRecords(snap, 'audit');
    const headBefore = (await readManifest(store)).manifest.collections.audit?.chainHead;

    const result = await expireRecords(snap, 'audit', new Date(daysAgo(365)), { reason: 'test retention' });

    expect(result).toMatchObject({ collection: 'audit', field: 'at', expired: ['a1', 'a2', 'a3'], kept: 1 });
    expect(result.replaced).toBe(2);
    const after = await liveRecords(snap, 'audit');
    expect(Object.keys(after).sort()).toEqual(['a4', 'a5', 'undated']);
    // Younger records, sealed fields included, come back exactly as they were.
    expect(after.a4).toEqual(before.a4);
    expect(after.a5).toEqual(before.a5);
    const report = await verifySnapshot(snap);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.collections.audit?.expiry).toMatchObject({
      reason: 'test retention',
      expired: 3,
      olderThan: daysAgo(365),
    });
    // The chain continues from the head over the two replaced segments; the untouched third
    // segment is still listed after the expiry segment.
    const segments = (await readManifest(store)).manifest.collections.audit?.segments ?? [];
    expect(segments).toHaveLength(2);
    expect(report.collections.audit?.chainHead).not.toBe(headBefore);
  });

  it('refuses a new record that reuses an expired id, and still refuses existing ids', async () => {
    const { snap } = await fresh();
    await appendRecords(snap, 'audit', [audit('old', 400), audit('young', 1)], MODEL);
    await expireRecords(snap, 'audit', new Date(daysAgo(365)));
    await expect(appendRecords(snap, 'audit', [audit('old', 0)], MODEL)).rejects.toThrow(
      'record "old" expired under retention and its id cannot be used again',
    );
    await expect(appendRecords(snap, 'audit', [audit('young', 0)], MODEL)).rejects.toThrow(
      'record "young" exists already',
    );
  });

  it('runs again after new appends: earlier tombstones are carried and the chain still verifies', async () => {
    const { snap } = await fresh();
    await appendRecords(snap, 'audit', [audit('a', 400), audit('b', 200)], MODEL);
    const first = await expireRecords(snap, 'audit', new Date(daysAgo(365)));
    const headAfterFirst = (await verifySnapshot(snap)).collections.audit?.chainHead;
    await appendRecords(snap, 'audit', [audit('c', 100)], MODEL);
    const second = await expireRecords(snap, 'audit', new Date(daysAgo(150)));
    expect(first.expired).toEqual(['a']);
    expect(second.expired).toEqual(['b']);
    // The second expiry replaced only the first expiry segment ('c' is younger), so it
    // starts from the head as it was right after the first expiry.
    const report = await verifySnapshot(snap);
    expect(report.problems).toEqual([]);
    expect(report.collections.audit?.expiry?.chainBefore).toBe(headAfterFirst);
    expect(Object.keys(await liveRecords(snap, 'audit'))).toEqual(['c']);
    await expect(appendRecords(snap, 'audit', [audit('a', 0)], MODEL)).rejects.toThrow(
      'expired under retention',
    );
  });

  it('leaves the snapshot untouched when nothing is past retention or on a dry run', async () => {
    const { snap, store } = await fresh();
    await appendRecords(
      snap,
      'immutable_reports',
      [rec('report:old', 0, { generated_at: daysAgo(100) })],
      MODEL,
    );
    const generation = (await readManifest(store)).manifest.generation;
    const dry = await expireRecords(snap, 'immutable_reports', new Date(daysAgo(90)), { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, expired: ['report:old'] });
    expect(dry.segment).toBeUndefined();
    const none = await expireRecords(snap, 'immutable_reports', new Date(daysAgo(120)));
    expect(none).toMatchObject({ expired: [], skipped: 'nothing past retention' });
    expect((await readManifest(store)).manifest.generation).toBe(generation);
    expect(Object.keys(await liveRecords(snap, 'immutable_reports'))).toEqual(['report:old']);
  });

  it('is refused for mutable collections and for a cutoff in the future', async () => {
    const { snap } = await fresh();
    await appendRecords(snap, 'alerts_events', [rec('alert:1', 0, { at: daysAgo(900) })], MODEL);
    await expect(expireRecords(snap, 'alerts_events', new Date(daysAgo(1)))).rejects.toThrow(
      'alerts_events is not append-only; retention expiry applies only to append-only collections',
    );
    await expect(expireRecords(snap, 'audit', new Date(NOW.getTime() + 1000))).rejects.toThrow(
      'that is not a past time',
    );
    await expect(deleteRecords(snap, 'audit', ['x'])).rejects.toThrow('cannot be deleted');
  });

  it('lets verify notice a segment dropped after the expiry', async () => {
    const { snap, store } = await fresh();
    await appendRecords(snap, 'audit', [audit('a', 400)], MODEL);
    await appendRecords(snap, 'audit', [audit('b', 1)], MODEL);
    await appendRecords(snap, 'audit', [audit('c', 1)], MODEL);
    await expireRecords(snap, 'audit', new Date(daysAgo(365)));
    const { manifest, version } = await readManifest(store);
    const state = manifest.collections.audit;
    if (!state) throw new Error('audit collection missing');
    state.segments.splice(1, 1);
    await store.putIfMatch('manifest.json', encodeManifest(manifest), version);
    const report = await verifySnapshot(snap);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain(
      'the hash chain of audit does not match its segments (records were removed, reordered or altered)',
    );
  });
});

describe('expireByRetention', () => {
  it('applies 90 days to reports and a year to audit and executed operations by default', async () => {
    const cutoffs = retentionCutoffs({ cost_days: 90, audit_days: 365, alerts_days: 365 }, NOW);
    expect(cutoffs.map((c) => [c.collection, c.olderThan.toISOString()])).toEqual([
      ['executed_operations', daysAgo(365)],
      ['immutable_reports', daysAgo(90)],
      ['audit', daysAgo(365)],
    ]);
    const { snap, cleanup } = await freshSnapshot({ now: () => NOW });
    cleanups.push(cleanup);
    await appendRecords(
      snap,
      'immutable_reports',
      [rec('report:a', 0, { generated_at: daysAgo(91) }), rec('report:b', 0, { generated_at: daysAgo(89) })],
      MODEL,
    );
    await appendRecords(snap, 'audit', [audit('audit:a', 200)], MODEL);
    await appendRecords(
      snap,
      'executed_operations',
      [rec('op:a', 0, { finished_at: daysAgo(366) }), rec('op:b', 0, { finished_at: daysAgo(364) })],
      MODEL,
    );
    const results = await expireByRetention(snap);
    expect(Object.fromEntries(results.map((r) => [r.collection, r.expired]))).toEqual({
      executed_operations: ['op:a'],
      immutable_reports: ['report:a'],
      audit: [],
    });
    expect(Object.keys(await liveRecords(snap, 'immutable_reports'))).toEqual(['report:b']);
    expect(Object.keys(await liveRecords(snap, 'audit'))).toEqual(['audit:a']);
    expect((await verifySnapshot(snap)).ok).toBe(true);
  });
});

describe('escher state expire', () => {
  it('prints what would expire with --dry-run and removes it without', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'escher-expire-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const env = { ESCHER_HOME: join(dir, 'home'), ESCHER_SECRETS: `file://${join(dir, 'secrets')}` };
    const storeUrl = `file://${join(dir, 'state')}`;
    const cli = (...args: string[]) => runCli(['state', ...args, '--store', storeUrl], env);
    expect((await cli('init')).code).toBe(0);
    const old = new Date(Date.now() - 100 * 86_400_000).toISOString();
    const young = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const lines = [
      { id: 'report:old', payload: { generated_at: old } },
      { id: 'report:new', payload: { generated_at: young } },
    ];
    const appended = await runCli(
      ['state', 'append', '-', '--collection', 'immutable_reports', '--store', storeUrl],
      env,
      `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
    );
    expect(appended.stderr).toBe('');

    const dry = await cli('expire', '--dry-run', '--collection', 'immutable_reports');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      expired: [{ collection: 'immutable_reports', expired: ['report:old'], kept: 1 }],
    });
    const exported = async () =>
      (await cli('export', '--collection', 'immutable_reports')).stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id);
    expect(await exported()).toEqual(['report:old', 'report:new']);

    const real = await cli('expire');
    expect(real.code).toBe(0);
    expect(JSON.parse(real.stdout).expired.map((e: { expired: string[] }) => e.expired)).toEqual([
      [],
      ['report:old'],
      [],
    ]);
    expect(await exported()).toEqual(['report:new']);
    expect(JSON.parse((await cli('verify', '--json')).stdout).ok).toBe(true);

    const refused = await cli('expire', '--collection', 'cloud_estate', '--dry-run');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('cloud_estate is not append-only');
  });
});
