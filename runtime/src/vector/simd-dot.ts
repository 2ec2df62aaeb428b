// Batched dot products in WebAssembly SIMD (f32x4), several times faster than the scalar
// JavaScript loop on the similarity hot path. The module is a few dozen bytes assembled
// here (wasm-asm.ts). Vectors must live in the module's memory: VectorArena owns that
// memory and hands out the views the engine uses.

import { dot } from './top-k.js';
import { cachedModule, WasmArena } from './wasm-arena.js';
import {
  forEachRow,
  get,
  I32,
  i32const,
  loopWhileBelow,
  moduleBytes,
  set,
  simd,
  splat4,
  storeRowSum,
  V128,
} from './wasm-asm.js';

/** Rows whose byte length is a multiple of this run the four-accumulator loop. */
const UNROLLED_BYTES = 64;

/**
 * score(query, vectors, rows, dims, out): out[r] = Σ_d vectors[r][d]·query[d]; dims % 4 == 0.
 * With `lanes` accumulators (1 or 4) the inner loop reads lanes × 16 bytes per turn: four
 * independent sums keep the additions from waiting on each other. The `self` variant
 * multiplies each row by itself (squared lengths, for the norms) and ignores `query`.
 */
function scoreModule(lanes: 1 | 4, self: boolean): Uint8Array {
  const [Q, VECS, ROWS, DIMS, OUT, R, D, P, ACC, ROW_BYTES] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 8 + lanes];
  const accs = Array.from({ length: lanes }, (_, k) => ACC + k);
  const load = (base: number, k: number) => [...get(base), ...get(D), 0x6a, ...simd(0x00, 0, 16 * k)];
  const body = [
    ...get(DIMS),
    ...i32const(2),
    0x74,
    ...set(ROW_BYTES),
    ...get(VECS),
    ...set(P),
    ...forEachRow(R, ROWS, [
      ...accs.flatMap((a) => [...splat4(0), ...set(a)]),
      ...i32const(0),
      ...set(D),
      // D counts bytes
      ...loopWhileBelow(
        D,
        16 * lanes,
        ROW_BYTES,
        accs.flatMap((a, k) => [
          ...get(a),
          ...load(P, k),
          ...load(self ? P : Q, k),
          ...simd(0xe6, 0x01), // f32x4.mul
          ...simd(0xe4, 0x01), // f32x4.add
          ...set(a),
        ]),
      ),
      ...storeRowSum(OUT, R, accs),
      ...[...get(P), ...get(ROW_BYTES), 0x6a, ...set(P)], // p += rowBytes
    ]),
  ];
  return moduleBytes(
    'score',
    5,
    [
      [3, I32],
      [lanes, V128],
      [1, I32],
    ],
    body,
  );
}

const simdModule = (lanes: 1 | 4, self: boolean) =>
  cachedModule(`f32-${lanes}-${self}`, () => scoreModule(lanes, self));

/**
 * Memory for `capacity` vectors of `dims` floats, laid out as query | vectors | scores.
 * Growing keeps the vectors in place; views must be re-read after `ensure`.
 */
export class VectorArena extends WasmArena {
  readonly encoding = 'f32';

  constructor(dims: number, capacity: number) {
    const lanes = (dims * 4) % UNROLLED_BYTES === 0 ? 4 : 1;
    super(dims, capacity, 4, (self) => (dims % 4 === 0 ? simdModule(lanes, self) : null));
  }

  get vectors(): Float32Array {
    return new Float32Array(this.memory.buffer, this.vectorsAt, this.capacity * this.dims);
  }

  /** Row `slot` as floats: a fresh array (a copy, so later writes do not show through). */
  row(slot: number): Float32Array {
    return this.vectors.slice(slot * this.dims, (slot + 1) * this.dims);
  }

  write(slot: number, vector: Float32Array): void {
    this.vectors.set(vector, slot * this.dims);
  }

  dotRow(slot: number, query: Float32Array): number {
    return dot(this.vectors, slot * this.dims, query, this.dims);
  }

  /** Dot products of `query` with rows [0, rows), or undefined without SIMD. */
  dotAll(query: Float32Array, rows: number): Float32Array | undefined {
    if (!this.simd) return undefined;
    this.querySlot.set(query);
    return this.scoreRows(rows);
  }
}
