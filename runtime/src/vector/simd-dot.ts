// Batched dot products in WebAssembly SIMD (f32x4), several times faster than the scalar
// JavaScript loop on the similarity hot path. The module is a few dozen bytes assembled
// here (wasm-asm.ts). Vectors must live in the module's memory: VectorArena owns that
// memory and hands out the views the engine uses.

import { dot } from './top-k.js';
import {
  compile,
  get,
  I32,
  i32const,
  moduleBytes,
  set,
  simd,
  splat4,
  tee,
  V128,
  WASM_PAGE,
  type WasmMemory,
  type WasmModule,
  wasm,
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
  const lane = (i: number) => [...get(ACC), ...simd(0x1f, i)];
  const body = [
    ...get(DIMS),
    ...i32const(2),
    0x74,
    ...set(ROW_BYTES),
    ...get(VECS),
    ...set(P),
    ...[0x02, 0x40, ...get(ROWS), 0x45, 0x0d, 0], // block; if rows == 0: done
    ...[0x03, 0x40], // loop rows
    ...accs.flatMap((a) => [...splat4(0), ...set(a)]),
    ...i32const(0),
    ...set(D),
    ...[0x03, 0x40], // loop dims (D counts bytes)
    ...accs.flatMap((a, k) => [
      ...get(a),
      ...load(P, k),
      ...load(self ? P : Q, k),
      ...simd(0xe6, 0x01), // f32x4.mul
      ...simd(0xe4, 0x01), // f32x4.add
      ...set(a),
    ]),
    ...[...get(D), ...i32const(16 * lanes), 0x6a, ...tee(D), ...get(ROW_BYTES), 0x49, 0x0d, 0, 0x0b],
    ...[...get(OUT), ...get(R), ...i32const(2), 0x74, 0x6a], // &out[r]
    ...get(ACC),
    ...accs.slice(1).flatMap((a) => [...get(a), ...simd(0xe4, 0x01)]),
    ...set(ACC),
    ...[...lane(0), ...lane(1), 0x92, ...lane(2), 0x92, ...lane(3), 0x92],
    ...[0x38, 2, 0], // f32.store
    ...[...get(P), ...get(ROW_BYTES), 0x6a, ...set(P)], // p += rowBytes
    ...[...get(R), ...i32const(1), 0x6a, ...tee(R), ...get(ROWS), 0x49, 0x0d, 0, 0x0b], // r++ while r < rows
    0x0b,
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

type ScoreFn = (query: number, vectors: number, rows: number, dims: number, out: number) => void;
const compiled = new Map<string, WasmModule | null>();

function simdModule(lanes: 1 | 4, self: boolean): WasmModule | null {
  const key = `${lanes}${self}`;
  let module = compiled.get(key);
  if (module === undefined) {
    module = compile(scoreModule(lanes, self));
    compiled.set(key, module);
  }
  return module;
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * Memory for `capacity` vectors of `dims` floats, laid out as query | vectors | scores.
 * Growing keeps the vectors in place; views must be re-read after `ensure`.
 */
export class VectorArena {
  readonly encoding = 'f32';
  private readonly memory: WasmMemory;
  private readonly score: ScoreFn | undefined;
  private readonly selfScore: ScoreFn | undefined;
  private readonly vectorsAt: number;
  private capacity = 0;

  constructor(
    readonly dims: number,
    capacity: number,
  ) {
    this.vectorsAt = align(dims * 4);
    this.memory = new wasm.Memory({ initial: 1 });
    const lanes = (dims * 4) % UNROLLED_BYTES === 0 ? 4 : 1;
    const instance = (self: boolean) => {
      const module = dims % 4 === 0 ? simdModule(lanes, self) : null;
      return module
        ? (new wasm.Instance(module, { env: { memory: this.memory } }).exports as { score: ScoreFn }).score
        : undefined;
    };
    this.score = instance(false);
    this.selfScore = instance(true);
    this.ensure(capacity);
  }

  get simd(): boolean {
    return this.score !== undefined;
  }

  private get scoresAt(): number {
    return this.vectorsAt + align(this.capacity * this.dims * 4);
  }

  /** Makes room for `rows` vectors (at least), keeping existing ones. */
  ensure(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = Math.max(rows, this.capacity * 2);
    const needed = this.vectorsAt + align(capacity * this.dims * 4) + align(capacity * 4);
    const pages = Math.ceil(needed / WASM_PAGE) - this.memory.buffer.byteLength / WASM_PAGE;
    if (pages > 0) this.memory.grow(pages);
    this.capacity = capacity;
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
    if (!this.score) return undefined;
    new Float32Array(this.memory.buffer, 0, this.dims).set(query);
    this.score(0, this.vectorsAt, rows, this.dims, this.scoresAt);
    return new Float32Array(this.memory.buffer, this.scoresAt, rows);
  }

  /** Squared lengths of rows [0, rows), or undefined without SIMD; valid until the next call. */
  squaredNorms(rows: number): Float32Array | undefined {
    if (!this.selfScore) return undefined;
    this.selfScore(0, this.vectorsAt, rows, this.dims, this.scoresAt);
    return new Float32Array(this.memory.buffer, this.scoresAt, rows);
  }
}
