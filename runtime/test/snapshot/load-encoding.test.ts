import { afterEach, describe, expect, it } from 'vitest';
import { readCollection } from '../../src/snapshot/collection-reader.js';
import { halfTable, toHalf } from '../../src/snapshot/half-float.js';
import { appendRecords, loadCollection, readManifest } from '../../src/snapshot/index.js';
import { MemoryVectorStore } from '../../src/vector/memory-engine.js';
import { type Fixture, freshSnapshot } from './helpers.js';

const dims = 32;
const record = (id: string, seed: number) => ({
  id,
  vector: Array.from({ length: dims }, (_, d) => Math.sin((d + 1) * seed)),
  payload: { name: id },
});
const batch = [record('a', 0.3), record('b', 1.7), record('c', 2.2)];
const MODEL = { model: 'test-sine-32' };

let f: Fixture | undefined;
afterEach(() => f?.cleanup());

describe('loading vectors into the in-process engine', () => {
  it('keeps an f16 snapshot as halves and ranks as the f32 snapshot of the same values', async () => {
    f = await freshSnapshot({ vectorEncoding: 'f16' });
    await appendRecords(f.snap, 'cloud_estate', batch, MODEL);
    const loaded = await loadCollection(f.snap, 'cloud_estate');
    expect((loaded.engine as MemoryVectorStore).encoding).toBe('f16');
    const a = await loaded.get('a');
    // The halves decoded: within f16 rounding of what was written.
    for (const [d, x] of (a?.vector ?? []).entries()) expect(x).toBeCloseTo(batch[0]?.vector[d] as number, 2);
    const asFloats = MemoryVectorStore.fromColumns(dims, {
      ids: ['a', 'b', 'c'],
      payloads: [{}, {}, {}],
      vectors: Float32Array.from(
        (await Promise.all(['a', 'b', 'c'].map((id) => loaded.get(id)))).flatMap((r) =>
          Array.from(r?.vector ?? []),
        ),
      ),
    });
    const query = Float32Array.from(record('q', 1.1).vector);
    const hits = await loaded.query({ vector: query, limit: 3 });
    const expected = await asFloats.query({ vector: query, limit: 3 });
    expect(hits.map((h) => h.id)).toEqual(expected.map((h) => h.id));
    for (const [i, h] of hits.entries()) expect(h.score).toBeCloseTo(expected[i]?.score as number, 5);
  });

  it('keeps f32 snapshots as floats', async () => {
    f = await freshSnapshot({ vectorEncoding: 'f32' });
    await appendRecords(f.snap, 'cloud_estate', batch, MODEL);
    const loaded = await loadCollection(f.snap, 'cloud_estate');
    expect((loaded.engine as MemoryVectorStore).encoding).toBe('f32');
    expect(Array.from((await loaded.get('b'))?.vector ?? [])).toEqual(
      Array.from(Float32Array.from(batch[1]?.vector ?? [])),
    );
  });

  it('rounds the segments of an f16 manifest that are not f16 into the halves, reading each once', async () => {
    f = await freshSnapshot({ vectorEncoding: 'f32' });
    await appendRecords(f.snap, 'cloud_estate', batch.slice(0, 2), MODEL);
    const { manifest } = await readManifest(f.snap.store);
    const i8 = await freshSnapshot({ vectorEncoding: 'i8' });
    try {
      // The same collection, its first segment f32 and its second i8, under an f16 manifest.
      await appendRecords(i8.snap, 'cloud_estate', batch.slice(2), MODEL);
      const second = (await readManifest(i8.snap.store)).manifest.collections.cloud_estate?.segments[0];
      if (!second) throw new Error('no segment');
      await f.snap.store.putIfAbsent(second.key, (await i8.snap.store.get(second.key))?.body as Uint8Array);
      manifest.collections.cloud_estate?.segments.push(second);
    } finally {
      await i8.cleanup();
    }
    const asked: string[] = [];
    const halves = new Uint16Array(3 * dims);
    const columns = await readCollection(
      f.snap.store,
      { ...manifest, vectorEncoding: 'f16' },
      'cloud_estate',
      (_rows, _d, encoding) => {
        asked.push(encoding);
        return halves;
      },
    );
    expect(asked).toEqual(['f16']);
    expect(columns?.ids).toEqual(['a', 'b', 'c']);
    const table = halfTable();
    // f32 rows: each component rounded to the nearest half.
    expect(table[halves[0] as number]).toBe(table[toHalf(Math.sin(0.3))]);
    // The i8 row: within int8 and half rounding of what was written.
    for (let d = 0; d < dims; d++)
      expect(table[halves[2 * dims + d] as number]).toBeCloseTo(batch[2]?.vector[d] as number, 1);
  });
});
