// Just enough WebAssembly to assemble the few SIMD kernels of the vector engine and the
// snapshot loader in code: byte encoders for the binary format and the typed runtime API.
// No toolchain and no binary file is involved.

// The compiler's configured libs carry no WebAssembly types; these are the few we use.
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
export interface WasmModule {
  readonly __brand?: 'WasmModule';
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
export const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export const WASM_PAGE = 65536;
export const I32 = 0x7f;
export const V128 = 0x7b;

/** Unsigned LEB128 (sizes, indexes; also i32.const for values below 64). */
export const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
/** i32.const with its signed LEB128 immediate. */
export const i32const = (n: number): number[] => {
  const out: number[] = [0x41];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
};
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
const name = (text: string) => [...leb(text.length), ...Buffer.from(text)];

export const get = (i: number) => [0x20, i];
export const set = (i: number) => [0x21, i];
export const tee = (i: number) => [0x22, i];
/** A SIMD instruction (0xfd prefix); `op` is its LEB opcode and immediates. */
export const simd = (...op: number[]) => [0xfd, ...op];
/** v128.const of four equal i32 lanes. */
export const splat4 = (lane: number) => {
  const bytes = Buffer.alloc(16);
  for (let i = 0; i < 4; i++) bytes.writeUInt32LE(lane >>> 0, i * 4);
  return simd(0x0c, ...bytes);
};

/** A loop running `body` and then adding `step` to local `index`, again while index < local `limit` (unsigned). */
export const loopWhileBelow = (index: number, step: number, limit: number, body: number[]) => [
  ...[0x03, 0x40, ...body],
  ...[...get(index), ...i32const(step), 0x6a, ...tee(index), ...get(limit), 0x49, 0x0d, 0, 0x0b],
];

/** `body` for each row index (local `index`, from its value on) below local `count`; none if count is 0. */
export const forEachRow = (index: number, count: number, body: number[]) => [
  ...[0x02, 0x40, ...get(count), 0x45, 0x0d, 0], // block; if count == 0: done
  ...loopWhileBelow(index, 1, count, body),
  0x0b,
];

/**
 * out[r] = the sum of every lane of the v128 locals `accs` (f32x4 sums, or i32x4 when
 * `int`); the first of `accs` is overwritten.
 */
export const storeRowSum = (out: number, r: number, accs: number[], int = false) => {
  const [first = 0, ...rest] = accs;
  const lane = (i: number) => [...get(first), ...simd(int ? 0x1b : 0x1f, i)]; // {i32x4,f32x4}.extract_lane
  const add = int ? 0x6a : 0x92; // {i32,f32}.add
  return [
    ...[...get(out), ...get(r), ...i32const(2), 0x74, 0x6a], // &out[r]
    ...[...get(first), ...rest.flatMap((a) => [...get(a), ...simd(int ? 0xae : 0xe4, 0x01)]), ...set(first)],
    ...[...lane(0), ...lane(1), add, ...lane(2), add, ...lane(3), add],
    ...[int ? 0x36 : 0x38, 2, 0], // {i32,f32}.store
  ];
};

/**
 * A module importing `env.memory` and exporting one function `exportName` with `params`
 * i32 parameters, no result, and the given locals (count, type) and body.
 */
export function moduleBytes(
  exportName: string,
  params: number,
  locals: [number, number][],
  body: number[],
): Uint8Array {
  const code = [...leb(locals.length), ...locals.flatMap(([n, t]) => [...leb(n), t]), ...body, 0x0b];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, params, ...new Array(params).fill(I32), 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name(exportName), 0x00, 0]),
    ...section(10, [1, ...leb(code.length), ...code]),
  ]);
}

/** The compiled module, or null where the engine has no SIMD (callers stay on JavaScript). */
export function compile(bytes: Uint8Array): WasmModule | null {
  return wasm.validate(bytes) ? new wasm.Module(bytes) : null;
}
