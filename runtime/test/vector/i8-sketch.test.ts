import { describe, expect, it } from 'vitest';
import { HalfArena } from '../../src/vector/half-dot.js';
import { I8Sketch } from '../../src/vector/i8-sketch.js';
import { MemoryVectorStore, SKETCH_MIN_ROWS } from '../../src/vector/memory-engine.js';
import { VectorArena } from '../../src/vector/simd-dot.js';
import { inverseNorms } from '../../src/vector/top-k.js';
import { seededRandom } from '../support/random.js';

const DIMS = 64;

function randomRows(rows: number, seed: number, dims = DIMS): Float32Array {
  const rnd = seededRandom(seed);
  return Float32Array.from({ length: rows * dims }, () => rnd() * 2 - 1);
}

/** The exact top k by cosine, straight from the definition, over what the arena holds. */
function bruteForce(
  arena: VectorArena | HalfArena,
  rows: number,
  q: Float32Array,
  k: number,
  keep = (_: number) => true,
) {
  const { dims } = arena;
  const qInv = inverseNorms(q, 1, dims)[0] as number;
  const scored: { slot: number; score: number }[] = [];
  for (let slot = 0; slot < rows; slot++) {
    if (!keep(slot)) continue;
    const row = arena.row(slot);
    const n = inverseNorms(row, 1, dims)[0] as number;
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += (row[d] as number) * (q[d] as number);
    scored.push({ slot, score: dot * n * qInv });
  }
  return scored.sort((a, b) => b.score - a.score || a.slot - b.slot).slice(0, k);
}

/**
 * `hits` are the top k of `ranked` (every eligible row, best first): the same scores rank
 * by rank, and no hit scores below the k-th (rows within rounding of each other may swap).
 */
function expectTopK(hits: { id: string; score: number | null }[], ranked: { slot: number; score: number }[]) {
  const k = hits.length;
  expect(k).toBeGreaterThan(0);
  const scoreOf = new Map(ranked.map((r) => [`r${r.slot}`, r.score]));
  const kth = ranked[k - 1]?.score as number;
  for (const [i, h] of hits.entries()) {
    expect(h.score).toBeCloseTo(ranked[i]?.score as number, 5);
    expect(scoreOf.get(h.id)).toBeGreaterThanOrEqual(kth - 1e-6);
  }
}

function engineOf(encoding: 'f16' | 'f32', vectors: Float32Array, rows: number, dims = DIMS) {
  const arena = encoding === 'f16' ? new HalfArena(dims, rows) : new VectorArena(dims, rows);
  for (let slot = 0; slot < rows; slot++) arena.write(slot, vectors.subarray(slot * dims, (slot + 1) * dims));
  const ids = Array.from({ length: rows }, (_, i) => `r${i}`);
  const payloads = ids.map((_, i) => ({ shard: `s${i % 3}` }));
  return { arena, store: MemoryVectorStore.fromColumns(dims, { ids, payloads }, arena) };
}

describe('I8Sketch', () => {
  it('quantizes each row to its nearest codes, within half a step of every component', () => {
    const dims = DIMS;
    for (const Arena of [VectorArena, HalfArena]) {
      const rows = 40;
      const arena = new Arena(dims, rows);
      const vectors = randomRows(rows, 7);
      vectors.fill(0, 3 * dims, 4 * dims); // a zero row
      vectors.fill(1e-6, 5 * dims, 6 * dims); // tiny components (subnormal halves)
      vectors[8 * dims] = 300; // one large component
      for (let r = 0; r < rows; r++) arena.write(r, vectors.subarray(r * dims, (r + 1) * dims));
      const sketch = I8Sketch.of(arena);
      expect(sketch).toBeDefined();
      sketch?.cover(rows);
      const { codes, scale } = (sketch as unknown as SketchInternals).inspect(rows, dims);
      for (let r = 0; r < rows; r++) {
        const row = arena.row(r);
        const max = row.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
        expect(scale[r]).toBe(Math.fround(max / 127));
        const step = scale[r] as number;
        for (let d = 0; d < dims; d++) {
          const code = codes[r * dims + d] as number;
          const x = row[d] as number;
          expect(Math.abs(code)).toBeLessThanOrEqual(127);
          // Within half a step (so the nearest code): the bound the pruning relies on.
          expect(Math.abs(x - code * step)).toBeLessThanOrEqual(step * (0.5 + 2 ** -14));
        }
        if (max > 0)
          expect(codes.subarray(r * dims, (r + 1) * dims).some((c) => Math.abs(c) === 127)).toBe(true);
      }
    }
  });

  it('shortlists every row of the true top k, and only a few rows, on random vectors', () => {
    const dims = DIMS;
    const rows = 20_000;
    const { arena, store } = engineOf('f16', randomRows(rows, 3), rows);
    const sketch = I8Sketch.of(arena) as I8Sketch;
    const norms = (store as unknown as { norms: Float32Array }).norms;
    const alive = new Uint8Array(rows).fill(1);
    const rnd = seededRandom(11);
    for (let i = 0; i < 5; i++) {
      const q = Float32Array.from({ length: dims }, () => rnd() * 2 - 1);
      const qInv = inverseNorms(q, 1, dims)[0] as number;
      const shortlist = sketch.shortlist(q, qInv, 10, norms, { alive, size: rows, slots: null }) ?? [];
      expect(shortlist.length).toBeGreaterThanOrEqual(10);
      expect(shortlist.length).toBeLessThan(rows / 50);
      for (const best of bruteForce(arena, rows, q, 10)) expect(shortlist).toContain(best.slot);
    }
  });
});

describe('MemoryVectorStore with the i8 sketch', () => {
  const rows = SKETCH_MIN_ROWS + 1000;

  // 48 dimensions: a turn of the dot kernel reads 16 codes instead of 32.
  for (const [encoding, dims] of [
    ['f16', 64],
    ['f32', 64],
    ['f16', 48],
  ] as const) {
    it(`answers ${dims}-d ${encoding} full scans exactly as brute force, once the sketch is built`, async () => {
      const vectors = randomRows(rows, 5, dims);
      // Near-duplicates of one row: many scores within the sketch's error of each other.
      const rnd = seededRandom(9);
      for (let r = 100; r < 400; r++)
        for (let d = 0; d < dims; d++) vectors[r * dims + d] = (vectors[d] as number) + (rnd() - 0.5) * 1e-3;
      const { arena, store } = engineOf(encoding, vectors, rows, dims);
      const inShard = (slot: number) => slot % 3 === 1;
      const filter = { must: [{ path: ['shard'], value: 's1' }] };
      const queries = [
        vectors.slice(0, dims),
        ...Array.from({ length: 4 }, () => randomRows(1, rnd() * 1e9, dims)),
      ];
      for (const q of queries) {
        for (const k of [1, 10, 50]) {
          for (let repeat = 0; repeat < 2; repeat++) {
            const hits = await store.query({ vector: q, limit: k });
            expect(hits).toHaveLength(k);
            expectTopK(hits, bruteForce(arena, rows, q, rows));
            const filtered = await store.query({ vector: q, limit: k, filter });
            expectTopK(filtered, bruteForce(arena, rows, q, rows, inShard));
          }
        }
      }
      expect((store as unknown as { sketch?: I8Sketch }).sketch).toBeDefined();
    });
  }

  it('leaves a zero or NaN query to the exact scan', async () => {
    const { arena, store } = engineOf('f16', randomRows(rows, 31), rows);
    const sketch = I8Sketch.of(arena) as I8Sketch;
    const norms = (store as unknown as { norms: Float32Array }).norms;
    const live = { alive: new Uint8Array(rows).fill(1), size: rows, slots: null };
    expect(sketch.shortlist(new Float32Array(DIMS), 0, 10, norms, live)).toBeUndefined();
    expect(sketch.shortlist(new Float32Array(DIMS).fill(Number.NaN), 1, 10, norms, live)).toBeUndefined();
    const zero = new Float32Array(DIMS);
    for (let i = 0; i < 2; i++) expect(await store.query({ vector: zero, limit: 3 })).toHaveLength(3);
  });

  it('covers rows upserted after the sketch was built, and skips deleted ones', async () => {
    const { store } = engineOf('f16', randomRows(rows, 21), rows);
    const q = Float32Array.from({ length: DIMS }, (_, d) => Math.cos(d));
    await store.query({ vector: q, limit: 5 });
    const before = await store.query({ vector: q, limit: 5 });
    await store.upsert([{ id: 'twin', vector: q, payload: { shard: 's9' } }]);
    const after = await store.query({ vector: q, limit: 5 });
    expect(after[0]?.id).toBe('twin');
    expect(after[0]?.score).toBeCloseTo(1, 3);
    expect(after.slice(1).map((h) => h.id)).toEqual(before.slice(0, 4).map((h) => h.id));
    await store.delete(['twin', before[0]?.id as string]);
    expect((await store.query({ vector: q, limit: 4 })).map((h) => h.id)).toEqual(
      before.slice(1, 5).map((h) => h.id),
    );
  });
});

/** Reads the sketch's private arrays back, for the quantization test only. */
interface SketchInternals {
  inspect(rows: number, dims: number): { codes: Int8Array; scale: Float64Array };
}
Object.defineProperty(I8Sketch.prototype, 'inspect', {
  value(
    this: { memory: { buffer: ArrayBuffer }; codesAt: number; scale: Float64Array },
    rows: number,
    dims: number,
  ) {
    return { codes: new Int8Array(this.memory.buffer, this.codesAt, rows * dims), scale: this.scale };
  },
});
