import { afterEach, describe, expect, it } from 'vitest';
import { readCollection } from '../../src/snapshot/collection-reader.js';
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

  it('reads floats after all when a segment of an f16 manifest is not f16', async () => {
    f = await freshSnapshot({ vectorEncoding: 'f32' });
    await appendRecords(f.snap, 'cloud_estate', batch, MODEL);
    const { manifest } = await readManifest(f.snap.store);
    const asked: string[] = [];
    const columns = await readCollection(
      f.snap.store,
      { ...manifest, vectorEncoding: 'f16' },
      'cloud_estate',
      (rows, d, encoding) => {
        asked.push(encoding);
        return encoding === 'f16' ? new Uint16Array(rows * d) : new Float32Array(rows * d);
      },
    );
    expect(asked).toEqual(['f16', 'f32']);
    expect(columns?.vectors.length).toBe(3 * dims);
    expect(columns?.vectors[0]).toBe(Math.fround(Math.sin(0.3)));
  });
});
