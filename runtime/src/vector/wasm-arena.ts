// What the engine's vector arenas share: one WebAssembly memory laid out as
// f32 query | vectors | f32 scores, growing in place, with a compiled scoring kernel and
// its `self` twin (each row scored against itself: squared lengths, for the norms). The
// arenas differ only in how a component is stored (simd-dot.ts: f32, half-dot.ts: f16).

import { compile, WASM_PAGE, type WasmMemory, type WasmModule, wasm } from './wasm-asm.js';

export type ScoreFn = (query: number, vectors: number, rows: number, dims: number, out: number) => void;

const compiled = new Map<string, WasmModule | null>();

/** The module `build` assembles, compiled once per process and `key`; null without SIMD. */
export function cachedModule(key: string, build: () => Uint8Array): WasmModule | null {
  let module = compiled.get(key);
  if (module === undefined) {
    module = compile(build());
    compiled.set(key, module);
  }
  return module;
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

export abstract class WasmArena {
  protected readonly memory: WasmMemory;
  protected readonly score: ScoreFn | undefined;
  private readonly selfScore: ScoreFn | undefined;
  protected readonly vectorsAt: number;
  protected capacity = 0;

  /** `kernel(self)` is the scoring module for these dims, or null where it cannot run. */
  protected constructor(
    readonly dims: number,
    capacity: number,
    private readonly componentBytes: number,
    kernel: (self: boolean) => WasmModule | null,
  ) {
    this.vectorsAt = align(dims * 4);
    this.memory = new wasm.Memory({ initial: 1 });
    const instance = (self: boolean) => {
      const module = kernel(self);
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

  protected get scoresAt(): number {
    return this.vectorsAt + align(this.capacity * this.dims * this.componentBytes);
  }

  /** Makes room for `rows` vectors (at least), keeping existing ones; re-read views after. */
  ensure(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = Math.max(rows, this.capacity * 2);
    const needed = this.vectorsAt + align(capacity * this.dims * this.componentBytes) + align(capacity * 4);
    const pages = Math.ceil(needed / WASM_PAGE) - this.memory.buffer.byteLength / WASM_PAGE;
    if (pages > 0) this.memory.grow(pages);
    this.capacity = capacity;
  }

  /** The stored components of rows [from, to), as bytes; valid until the arena grows. */
  rawRows(from: number, to: number): Uint8Array {
    const rowBytes = this.dims * this.componentBytes;
    return new Uint8Array(this.memory.buffer, this.vectorsAt + from * rowBytes, (to - from) * rowBytes);
  }

  /** The query slot at the start of the memory, for the kernel to read. */
  protected get querySlot(): Float32Array {
    return new Float32Array(this.memory.buffer, 0, this.dims);
  }

  /** Runs the kernel over rows [0, rows) against the query slot; the scores it wrote. */
  protected scoreRows(rows: number): Float32Array {
    this.score?.(0, this.vectorsAt, rows, this.dims, this.scoresAt);
    return new Float32Array(this.memory.buffer, this.scoresAt, rows);
  }

  /** Squared lengths of rows [0, rows), or undefined without SIMD; valid until the next call. */
  squaredNorms(rows: number): Float32Array | undefined {
    if (!this.selfScore) return undefined;
    this.selfScore(0, this.vectorsAt, rows, this.dims, this.scoresAt);
    return new Float32Array(this.memory.buffer, this.scoresAt, rows);
  }
}
