// Batched dot products in WebAssembly SIMD (f32x4), several times faster than the scalar
// JavaScript loop on the similarity hot path. The module is a few dozen bytes assembled
// here, so no toolchain or binary file is involved. Vectors must live in the module's
// memory: VectorArena owns that memory and hands out the views the engine uses.

// The compiler's configured libs carry no WebAssembly types; these are the few this file uses.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmModule {
  readonly __brand?: 'WasmModule';
}
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
};

const WASM_PAGE = 65536;

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
const name = (text: string) => [...leb(text.length), ...Buffer.from(text)];

/** score(query, vectors, rows, dims, out): out[r] = Σ_d vectors[r][d]·query[d]; dims % 4 == 0. */
function moduleBytes(): Uint8Array {
  const I32 = 0x7f;
  const V128 = 0x7b;
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const tee = (i: number) => [0x22, i];
  const simd = (op: number[]) => [0xfd, ...op];
  const lane = (i: number) => [...get(8), ...simd([0x1f, i])];
  const body = [
    ...[3, 3, I32, 1, V128, 1, I32], // locals: r d p | acc | rowBytes
    ...get(3),
    0x41,
    2,
    0x74,
    ...set(9), // rowBytes = dims << 2
    ...get(1),
    ...set(7), // p = vectors
    0x02,
    0x40,
    ...get(2),
    0x45,
    0x0d,
    0, // if rows == 0: done
    0x03,
    0x40, // loop rows
    ...simd([0x0c, ...new Array(16).fill(0)]),
    ...set(8), // acc = 0
    0x41,
    0,
    ...set(6), // d = 0
    0x03,
    0x40, // loop dims (d counts bytes)
    ...get(8),
    ...get(7),
    ...get(6),
    0x6a,
    ...simd([0x00, 0, 0]), // v128.load p+d
    ...get(0),
    ...get(6),
    0x6a,
    ...simd([0x00, 0, 0]), // v128.load q+d
    ...simd([0xe6, 0x01]),
    ...simd([0xe4, 0x01]),
    ...set(8), // acc += a*b
    ...get(6),
    0x41,
    16,
    0x6a,
    ...tee(6),
    ...get(9),
    0x49,
    0x0d,
    0, // d += 16; while d < rowBytes
    0x0b,
    ...get(4),
    ...get(5),
    0x41,
    2,
    0x74,
    0x6a, // &out[r]
    ...lane(0),
    ...lane(1),
    0x92,
    ...lane(2),
    0x92,
    ...lane(3),
    0x92,
    0x38,
    2,
    0, // f32.store
    ...get(7),
    ...get(9),
    0x6a,
    ...set(7), // p += rowBytes
    ...get(5),
    0x41,
    1,
    0x6a,
    ...tee(5),
    ...get(2),
    0x49,
    0x0d,
    0, // r++; while r < rows
    0x0b,
    0x0b,
    0x0b,
  ];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 5, I32, I32, I32, I32, I32, 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('score'), 0x00, 0]),
    ...section(10, [1, ...leb(body.length), ...body]),
  ]);
}

type ScoreFn = (query: number, vectors: number, rows: number, dims: number, out: number) => void;
let compiled: WasmModule | null | undefined;

function simdModule(): WasmModule | null {
  if (compiled === undefined) {
    const bytes = moduleBytes();
    // Engines without SIMD reject the module; the caller then stays on plain JavaScript.
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * Memory for `capacity` vectors of `dims` floats, laid out as query | vectors | scores.
 * Growing keeps the vectors in place; views must be re-read after `ensure`.
 */
export class VectorArena {
  private readonly memory: WasmMemory;
  private readonly score: ScoreFn | undefined;
  private readonly vectorsAt: number;
  private capacity = 0;

  constructor(
    readonly dims: number,
    capacity: number,
  ) {
    this.vectorsAt = align(dims * 4);
    this.memory = new WebAssembly.Memory({ initial: 1 });
    const module = dims % 4 === 0 ? simdModule() : null;
    this.score = module
      ? (new WebAssembly.Instance(module, { env: { memory: this.memory } }).exports as { score: ScoreFn })
          .score
      : undefined;
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

  /** Dot products of `query` with rows [0, rows), or undefined without SIMD. */
  dotAll(query: Float32Array, rows: number): Float32Array | undefined {
    if (!this.score) return undefined;
    new Float32Array(this.memory.buffer, 0, this.dims).set(query);
    this.score(0, this.vectorsAt, rows, this.dims, this.scoresAt);
    return new Float32Array(this.memory.buffer, this.scoresAt, rows);
  }
}
