import { describe, expect, it } from 'vitest';
import { decodeVectors, encodeVectors } from '../../src/snapshot/vector-block.js';
import { HalfArena } from '../../src/vector/half-dot.js';
import { MemoryVectorStore } from '../../src/vector/memory-engine.js';
import { vectorStoreConformance } from './conformance.js';

vectorStoreConformance('memory (f16 arena)', async () => new MemoryVectorStore(4, 16, new HalfArena(4, 16)));

const dims = 384;
const rows = 3000;

/** The same rows as an f16 engine (halves copied in) and an f32 engine (halves decoded). */
function twinEngines() {
  const source = Float32Array.from({ length: rows * dims }, (_, i) => Math.sin(i * 0.731) * 0.2);
  // A few rows outside the usual range: subnormal halves, large components, a zero vector.
  source.fill(3e-6, 5 * dims, 6 * dims);
  source.fill(300, 7 * dims, 7 * dims + 10);
  source.fill(0, 9 * dims, 10 * dims);
  const block = encodeVectors('f16', source, rows, dims);
  const decoded = new Float32Array(rows * dims);
  decodeVectors('f16', { buffer: block.buffer as ArrayBuffer, offset: 0 }, rows, dims, decoded, 0);
  const ids = Array.from({ length: rows }, (_, i) => `r${i}`);
  const payloads = ids.map((id, i) => ({ id, parity: i % 2 === 0 ? 'even' : 'odd' }));
  const f32 = MemoryVectorStore.fromColumns(dims, { ids, payloads, vectors: decoded });
  const arena = MemoryVectorStore.halfArena(dims, rows);
  arena.halves.set(new Uint16Array(block.buffer, 0, rows * dims));
  const f16 = MemoryVectorStore.fromColumns(dims, { ids, payloads }, arena);
  return { f32, f16, decoded };
}

const near = (a: { id: string; score: number | null }[], b: { id: string; score: number | null }[]) => {
  expect(a.map((h) => h.id)).toEqual(b.map((h) => h.id));
  for (const [i, h] of a.entries()) expect(h.score).toBeCloseTo(b[i]?.score as number, 5);
};

describe('MemoryVectorStore on an f16 arena', () => {
  const { f32, f16, decoded } = twinEngines();

  it('ranks and scores like the f32 engine holding the decoded halves', async () => {
    for (const seed of [0.13, 0.5, 2.9]) {
      const vector = Float32Array.from({ length: dims }, (_, d) => Math.cos(d * seed));
      near(await f16.query({ vector, limit: 10 }), await f32.query({ vector, limit: 10 }));
      const filter = { must: [{ path: ['parity'], value: 'even' }] };
      near(await f16.query({ vector, limit: 10, filter }), await f32.query({ vector, limit: 10, filter }));
    }
  });

  it('scores a query with components of 2^15 and more like the f32 engine', async () => {
    const vector = Float32Array.from({ length: dims }, (_, d) => Math.cos(d * 0.7) * 1e6);
    near(await f16.query({ vector, limit: 10 }), await f32.query({ vector, limit: 10 }));
  });

  it('hands back rows decoded to floats, equal to the decoded block', async () => {
    expect((await f16.get('r5'))?.vector).toEqual(decoded.slice(5 * dims, 6 * dims));
    expect((await f16.get('r7'))?.vector).toEqual(decoded.slice(7 * dims, 8 * dims));
  });

  it('stores upserts rounded to f16, as an f16 snapshot would keep them', async () => {
    const store = new MemoryVectorStore(dims, 4, new HalfArena(dims, 4));
    const vector = Float32Array.from({ length: dims }, (_, d) => 0.1 + d / 1000);
    await store.upsert([{ id: 'x', vector, payload: {} }]);
    const back = (await store.get('x'))?.vector as Float32Array;
    const halves = encodeVectors('f16', vector, 1, dims);
    const rounded = new Float32Array(dims);
    decodeVectors('f16', { buffer: halves.buffer as ArrayBuffer, offset: 0 }, 1, dims, rounded, 0);
    expect(back).toEqual(rounded);
    const [hit] = await store.query({ vector, limit: 1 });
    expect(hit?.id).toBe('x');
    expect(hit?.score).toBeCloseTo(1, 5);
  });
});
