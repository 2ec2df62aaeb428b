// The runner's records live in the vector snapshot the laptop reads: what a runner writes is
// what `loadCollection` (and so `escher state export`) sees, and racing writers — runners and
// the laptop — never lose or overwrite one another's records.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { HashEmbedder } from '../../src/embed/hash-embedder.js';
import type { RunnerState } from '../../src/pipeline/state.js';
import { snapshotRunnerState } from '../../src/runner/snapshot-state.js';
import {
  appendRecords,
  compactCollection,
  loadCollection,
  openSnapshot,
  readManifest,
  verifySnapshot,
} from '../../src/snapshot/index.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { MemorySecrets } from '../snapshot/helpers.js';
import { backends } from '../storage/backends.js';

vi.setConfig({ testTimeout: 300_000 });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const runnerOn = (store: ObjectStore, keySecrets: MemorySecrets): RunnerState =>
  snapshotRunnerState(store, { keySecrets, embedder: async () => new HashEmbedder() });

async function exported(store: ObjectStore, secrets: MemorySecrets, collection: string) {
  const loaded = await loadCollection(await openSnapshot(store, secrets), collection);
  const out = new Map<string, Record<string, unknown>>();
  for await (const r of loaded.records()) out.set(r.id, r.payload);
  return out;
}

// moto's threaded conditional PUT is not atomic and GCS's adapter is covered by the CLI
// concurrency suite; the local store and Azurite carry this suite's races.
describe.each(backends.filter((b) => b.name.startsWith('local') || b.name.startsWith('Azure')))(
  'the snapshot-backed runner state on $name',
  (backend) => {
    async function fresh() {
      const { store, cleanup } = await backend.open();
      cleanups.push(cleanup);
      return { store, secrets: new MemorySecrets() };
    }

    it('creates the snapshot on its first write and leaves an untouched store untouched by reads', async () => {
      const { store, secrets } = await fresh();
      const runner = runnerOn(store, secrets);
      expect(await runner.getRecord('alerts_events', 'alert:x')).toBeUndefined();
      expect(await runner.listRecords('cloud_estate', '')).toEqual([]);
      expect(await store.list('')).toEqual([]);

      expect(await runner.appendRecord('audit', 'audit:1', { summary: 'one' })).toBe(true);
      await runner.putRecord('alerts_events', 'alert:x', { status: 'remediated', message: 'sealed at rest' });
      expect(await runner.getRecord('alerts_events', 'alert:x')).toEqual({
        status: 'remediated',
        message: 'sealed at rest',
      });
      expect(await exported(store, secrets, 'audit')).toEqual(new Map([['audit:1', { summary: 'one' }]]));
      expect((await exported(store, secrets, 'alerts_events')).get('alert:x')).toEqual({
        status: 'remediated',
        message: 'sealed at rest',
      });
      expect((await verifySnapshot(await openSnapshot(store, secrets))).problems).toEqual([]);
    });

    it('sees records the laptop appended, and the laptop sees the runner’s', async () => {
      const { store, secrets } = await fresh();
      const runner = runnerOn(store, secrets);
      await runner.putRecord('cloud_estate', 'aws:1:us-east-1:i-1', { state: 'running' });
      const laptop = await openSnapshot(store, secrets);
      await appendRecords(
        laptop,
        'cloud_estate',
        [{ id: 'aws:1:us-east-1:i-2', payload: { state: 'stopped' } }],
        {
          embedder: new HashEmbedder(),
        },
      );
      expect(await runner.getRecord('cloud_estate', 'aws:1:us-east-1:i-2')).toEqual({ state: 'stopped' });
      expect([...(await exported(store, secrets, 'cloud_estate')).keys()].sort()).toEqual([
        'aws:1:us-east-1:i-1',
        'aws:1:us-east-1:i-2',
      ]);
    });

    it('lets exactly one of eight racing runners create a record, and refuses the rest', async () => {
      const { store, secrets } = await fresh();
      await runnerOn(store, secrets).putRecord('alerts_events', 'settings:remediation', { settings: {} });
      const created = await Promise.all(
        Array.from({ length: 8 }, (_, w) =>
          runnerOn(store, secrets).appendRecord('executed_operations', 'op:evt-1|stop', { writer: w }),
        ),
      );
      expect(created.filter(Boolean)).toHaveLength(1);
      const ops = await exported(store, secrets, 'executed_operations');
      expect([...ops.keys()]).toEqual(['op:evt-1|stop']);
      expect(ops.get('op:evt-1|stop')).toEqual({ writer: created.indexOf(true) });
    });

    it('applies every one of 8 racing read-modify-writes to one record while compaction runs', async () => {
      const { store, secrets } = await fresh();
      await runnerOn(store, secrets).putRecord('alerts_events', 'counter', { n: 0, by: [] });
      const laptop = await openSnapshot(store, secrets);
      let racing = true;
      const compactions = (async () => {
        while (racing) await compactCollection(laptop, 'alerts_events');
      })();
      await Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          const runner = runnerOn(store, secrets);
          for (let i = 0; i < 3; i++) {
            await runner.updateRecord('alerts_events', 'counter', (current) => ({
              n: Number(current?.n) + 1,
              by: [...((current?.by as string[]) ?? []), `${w}.${i}`],
            }));
          }
        }),
      );
      racing = false;
      await compactions;
      const counter = (await exported(store, secrets, 'alerts_events')).get('counter');
      expect(counter?.n).toBe(24);
      expect(new Set(counter?.by as string[]).size).toBe(24);
    });

    it('writes a batch of appends as one segment and returns only the ids it created', async () => {
      const { store, secrets } = await fresh();
      const runner = runnerOn(store, secrets);
      await runner.appendRecord('audit', 'audit:b', { n: 0 });
      const created = await runner.appendRecords(
        'audit',
        ['audit:a', 'audit:b', 'audit:c'].map((id) => ({ id, payload: { n: 1 } })),
      );
      expect(created).toEqual(['audit:a', 'audit:c']);
      const audit = await exported(store, secrets, 'audit');
      expect(audit.get('audit:b')).toEqual({ n: 0 });
      const { manifest } = await readManifest(store);
      expect(manifest.collections.audit?.segments).toHaveLength(2);
    });

    it('reads the manifest once per write and commits on that read when no one else wrote', async () => {
      const { store, secrets } = await fresh();
      const runner = runnerOn(store, secrets);
      await runner.putRecord('alerts_events', 'alert:warm', { status: 'notified' });
      const calls: string[] = [];
      const counted: ObjectStore = {
        url: store.url,
        get(key) {
          calls.push(`get ${key}`);
          return store.get(key);
        },
        putIfAbsent: (key, body) => store.putIfAbsent(key, body),
        putIfMatch(key, body, version) {
          calls.push(`putIfMatch ${key}`);
          return store.putIfMatch(key, body, version);
        },
        list: (prefix) => store.list(prefix),
        delete: (key) => store.delete(key),
        check: () => store.check(),
      };
      const counting = runnerOn(counted, secrets);
      await counting.getRecord('alerts_events', 'alert:warm');
      calls.length = 0;
      await counting.putRecord('alerts_events', 'alert:next', { status: 'remediated' });
      await counting.updateRecord('alerts_events', 'alert:next', (r) => ({ ...r, seen: true }));
      expect(calls.filter((c) => c.endsWith('manifest.json'))).toEqual([
        'get manifest.json',
        'putIfMatch manifest.json',
        'get manifest.json',
        'putIfMatch manifest.json',
      ]);
      expect(await runner.getRecord('alerts_events', 'alert:next')).toEqual({
        status: 'remediated',
        seen: true,
      });
    });
  },
);
