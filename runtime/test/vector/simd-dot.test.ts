import { describe, expect, it } from 'vitest';
import { VectorArena } from '../../src/vector/simd-dot.js';
import { dot } from '../../src/vector/top-k.js';

describe('VectorArena', () => {
  it('computes every row’s dot product with SIMD, matching the scalar loop', () => {
    const arena = new VectorArena(8, 3);
    arena.vectors.set([1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0, 1, -1, -1, -1, -1, -1, -1, -1, -1]);
    const q = Float32Array.from([1, 1, 1, 1, 1, 1, 1, 2]);
    expect(arena.simd).toBe(true);
    expect(Array.from(arena.dotAll(q, 3) ?? [])).toEqual([44, 2, -9]);
    expect([0, 1, 2].map((r) => dot(arena.vectors, r * 8, q, 8))).toEqual([44, 2, -9]);
  });

  it('matches the scalar loop on 384-d rows, where four sums run side by side', () => {
    const dims = 384;
    const arena = new VectorArena(dims, 50);
    arena.vectors.set(Float32Array.from({ length: 50 * dims }, (_, i) => Math.sin(i * 0.37)));
    const q = Float32Array.from({ length: dims }, (_, d) => Math.cos(d * 0.11));
    const simd = Array.from(arena.dotAll(q, 50) ?? []);
    const scalar = Array.from({ length: 50 }, (_, r) => dot(arena.vectors, r * dims, q, dims));
    expect(simd).toHaveLength(50);
    for (const [r, s] of simd.entries()) expect(s).toBeCloseTo(scalar[r] as number, 3);
  });

  it('computes squared row lengths with SIMD, matching the scalar loop', () => {
    const dims = 384;
    const arena = new VectorArena(dims, 20);
    arena.vectors.set(Float32Array.from({ length: 20 * dims }, (_, i) => Math.sin(i * 0.53)));
    arena.vectors.fill(0, 3 * dims, 4 * dims);
    const squares = Array.from(arena.squaredNorms(20) ?? []);
    expect(squares).toHaveLength(20);
    expect(squares[3]).toBe(0);
    for (const [r, s] of squares.entries()) {
      const row = arena.vectors.subarray(r * dims, (r + 1) * dims);
      expect(s).toBeCloseTo(dot(row, 0, row, dims), 3);
    }
  });

  it('keeps its vectors when it grows', () => {
    const arena = new VectorArena(4, 1);
    arena.vectors.set([1, 2, 3, 4]);
    arena.ensure(100_000);
    expect(Array.from(arena.vectors.subarray(0, 4))).toEqual([1, 2, 3, 4]);
    expect(arena.vectors.length).toBe(400_000);
    expect(Array.from(arena.dotAll(Float32Array.from([1, 0, 0, 1]), 1) ?? [])).toEqual([5]);
  });

  it('falls back to scalar JavaScript when dimensions are not a multiple of four', () => {
    const arena = new VectorArena(3, 2);
    expect(arena.simd).toBe(false);
    expect(arena.dotAll(Float32Array.from([1, 0, 0]), 2)).toBeUndefined();
    expect(arena.squaredNorms(2)).toBeUndefined();
  });
});
