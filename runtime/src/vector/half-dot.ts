// The engine's arena for f16 snapshots: vectors stay the halves the segments store (half the
// memory of f32, and loading is a copy instead of a decode). Similarity widens halves to
// floats in SIMD registers and multiplies them with the f32 query, so a query reads 2 bytes
// per component instead of 4.
//
// The widening is two instructions: a half sign-extended to i32 and shifted left by 13 has
// its exponent and mantissa where a float's go and its sign in bits 28-31; masking bits
// 28-30 leaves a float worth exactly half × 2^-112. Instead of rescaling every component,
// the query is multiplied by 2^112 once (a power of two: exact), so each product equals
// half × query as the f32 arena computes it and scores differ only in summation order.
// Infinite and NaN halves read as finite values near ±65536 here; embeddings hold neither.

import { halfTable, toHalf } from '../snapshot/half-float.js';
import { widenHalvesScaled } from './half-wasm.js';
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
  tee,
  V128,
} from './wasm-asm.js';

const SCALE_2_112 = 0x77800000;
/** Widened halves are worth half × 2^-112; the query carries the 2^112. */
const QUERY_SCALE_LOG2 = 112;

/**
 * score(query, halves, rows, dims, out): out[r] = Σ_d widen(rows[r][d])·query[d]; dims % 16 == 0.
 * Each turn reads sixteen halves into four f32x4 sums (independent additions, as in
 * simd-dot.ts). The `self` variant squares each widened component scaled by 2^112 (squared
 * lengths, for the norms).
 */
function halfScoreModule(self: boolean): Uint8Array {
  const [Q, VECS, ROWS, DIMS, OUT, R, D, P, ROW_BYTES] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [ACC, V, W] = [9, 13, 14];
  const accs = [ACC, ACC + 1, ACC + 2, ACC + 3];
  // Query floats for halves at byte D of a row sit at byte 2·D of the query.
  const queryAt = (k: number) => [...get(Q), ...get(D), 0x6a, ...get(D), 0x6a, ...simd(0x00, 0, 16 * k)];
  const square = [...splat4(SCALE_2_112), ...simd(0xe6, 0x01), ...tee(W), ...get(W)];
  const accumulate = (acc: number, k: number, high: boolean) => [
    ...get(acc),
    ...widenHalvesScaled(V, high),
    ...(self ? square : queryAt(k)),
    ...simd(0xe6, 0x01), // f32x4.mul
    ...simd(0xe4, 0x01), // f32x4.add
    ...set(acc),
  ];
  const eight = (k: number) => [
    ...[...get(P), ...get(D), 0x6a, ...simd(0x00, 0, 16 * k), ...set(V)], // eight halves
    ...accumulate(accs[2 * k] as number, 2 * k, false), // low four
    ...accumulate(accs[2 * k + 1] as number, 2 * k + 1, true), // high four
  ];
  const body = [
    ...[...get(DIMS), ...i32const(1), 0x74, ...set(ROW_BYTES)],
    ...[...get(VECS), ...set(P)],
    ...forEachRow(R, ROWS, [
      ...accs.flatMap((a) => [...splat4(0), ...set(a)]),
      ...[...i32const(0), ...set(D)],
      ...loopWhileBelow(D, 32, ROW_BYTES, [...eight(0), ...eight(1)]), // D counts half bytes
      ...storeRowSum(OUT, R, accs),
      ...[...get(P), ...get(ROW_BYTES), 0x6a, ...set(P)],
    ]),
  ];
  return moduleBytes(
    'score',
    5,
    [
      [4, I32],
      [6, V128],
    ],
    body,
  );
}

const halfModule = (self: boolean) => cachedModule(`f16-${self}`, () => halfScoreModule(self));

/** Memory for `capacity` f16 vectors, laid out as f32 query | halves | scores. */
export class HalfArena extends WasmArena {
  readonly encoding = 'f16';
  private readonly scratch: Float32Array;

  constructor(dims: number, capacity: number) {
    super(dims, capacity, 2, (self) => (dims % 16 === 0 ? halfModule(self) : null));
    this.scratch = new Float32Array(dims);
  }

  /** The halves themselves; loaders copy segment blocks in here. Re-read after `ensure`. */
  get halves(): Uint16Array {
    return new Uint16Array(this.memory.buffer, this.vectorsAt, this.capacity * this.dims);
  }

  /** Row `slot` as floats: a fresh array, or `out` when given. */
  row(slot: number, out: Float32Array = new Float32Array(this.dims)): Float32Array {
    const table = halfTable();
    const halves = this.halves;
    const base = slot * this.dims;
    for (let d = 0; d < this.dims; d++) out[d] = table[halves[base + d] as number] as number;
    return out;
  }

  /**
   * Stores `vector` at `slot` rounded to f16: an f16 snapshot would store it rounded anyway,
   * so the engine holds what a reload would give.
   */
  write(slot: number, vector: Float32Array): void {
    const halves = this.halves;
    const base = slot * this.dims;
    for (let d = 0; d < this.dims; d++) halves[base + d] = toHalf(vector[d] as number);
  }

  dotRow(slot: number, query: Float32Array): number {
    return dot(this.row(slot, this.scratch), 0, query, this.dims);
  }

  /** Dot products of `query` with rows [0, rows), or undefined without SIMD. */
  dotAll(query: Float32Array, rows: number): Float32Array | undefined {
    if (!this.simd) return undefined;
    // A query with components of 2^15 or more is scaled down by a further power of two
    // (exact), and the scores scaled back.
    let max = 0;
    for (let d = 0; d < this.dims; d++) max = Math.max(max, Math.abs(query[d] as number));
    const extra = max >= 2 ** 15 ? Math.ceil(Math.log2(max)) - 14 : 0;
    const scale = 2 ** (QUERY_SCALE_LOG2 - extra);
    const scaled = this.querySlot;
    for (let d = 0; d < this.dims; d++) scaled[d] = (query[d] as number) * scale;
    const scores = this.scoreRows(rows);
    if (extra > 0) for (let r = 0; r < rows; r++) scores[r] = (scores[r] as number) * 2 ** extra;
    return scores;
  }
}
