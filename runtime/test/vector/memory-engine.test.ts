import { describe, expect, it } from 'vitest';
import { MemoryVectorStore } from '../../src/vector/memory-engine.js';
import { vectorStoreConformance } from './conformance.js';

vectorStoreConformance('memory', async () => new MemoryVectorStore(4));

describe('MemoryVectorStore.fromColumns', () => {
  it('adopts loader columns: later rows supersede earlier ones and null payloads delete', async () => {
    const store = MemoryVectorStore.fromColumns(2, {
      ids: ['a', 'b', 'a', 'b'],
      payloads: [{ v: 1 }, { v: 1 }, { v: 2 }, null],
      vectors: Float32Array.from([1, 0, 0, 1, 1, 1, 0, 0]),
    });
    expect(await store.count()).toBe(1);
    expect((await store.get('a'))?.payload).toEqual({ v: 2 });
    expect(await store.get('b')).toBeUndefined();
    expect((await store.query({ vector: Float32Array.from([1, 1]) }))[0]?.score).toBeCloseTo(1, 6);
  });

  it('returns a record once when an array field holds the filtered value twice', async () => {
    const store = new MemoryVectorStore(2);
    await store.upsert([
      { id: 'twice', vector: Float32Array.from([1, 0]), payload: { labels: ['pii', 'pii'] } },
      { id: 'once', vector: Float32Array.from([0, 1]), payload: { labels: ['pii'] } },
      { id: 'none', vector: Float32Array.from([1, 1]), payload: { labels: ['public'] } },
    ]);
    const filter = { must: [{ path: ['labels'], value: 'pii' }] };
    expect((await store.query({ filter })).map((h) => h.id).sort()).toEqual(['once', 'twice']);
    expect(await store.count(filter)).toBe(2);
  });

  it('grows past its initial capacity', async () => {
    const store = new MemoryVectorStore(2, 1);
    await store.upsert(
      Array.from({ length: 3000 }, (_, i) => ({
        id: `r${i}`,
        vector: Float32Array.from([i, 1]),
        payload: { i },
      })),
    );
    expect(await store.count()).toBe(3000);
    expect((await store.get('r2999'))?.payload).toEqual({ i: 2999 });
  });
});
