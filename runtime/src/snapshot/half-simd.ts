// f16 → f32 for whole vector blocks in WebAssembly SIMD, eight halves a turn: loading a
// 100,000 × 384 snapshot converts 38 million components, where a per-component table
// lookup in JavaScript was the largest cost of the load (half-wasm.ts has the conversion).

import { halvesToFloats } from '../vector/half-wasm.js';
import {
  compile,
  get,
  I32,
  i32const,
  loopWhileBelow,
  moduleBytes,
  set,
  simd,
  V128,
  WASM_PAGE,
  type WasmModule,
  wasm,
} from '../vector/wasm-asm.js';
import { halfTable } from './half-float.js';

/** Halves per call: the module's memory holds one chunk in and its floats out (384 KiB). */
const CHUNK = 65536;
const IN_BYTES = CHUNK * 2;
/** halves(src, dst, n): n (a multiple of 8) halves at byte src → floats at byte dst. */
function halvesModule(): Uint8Array {
  const [SRC, DST, N, I, END, V, X, EM] = [0, 1, 2, 3, 4, 5, 6, 7];
  const convert = halvesToFloats(X, EM);
  const out = [...get(DST), ...get(I), ...i32const(1), 0x74, 0x6a]; // dst + 2i (i counts input bytes)
  const body = [
    ...[...get(N), ...i32const(1), 0x74, ...set(END)],
    ...[0x02, 0x40, ...get(END), 0x45, 0x0d, 0], // block; if n == 0: done
    ...loopWhileBelow(I, 16, END, [
      ...[...get(SRC), ...get(I), 0x6a, ...simd(0x00, 0, 0), ...set(V)], // eight halves
      ...[...out, ...get(V), ...simd(0xa9, 0x01), ...convert, ...simd(0x0b, 0, 0)], // low four
      ...[...out, ...get(V), ...simd(0xaa, 0x01), ...convert, ...simd(0x0b, 0, 16)], // high four
    ]),
    0x0b,
  ];
  return moduleBytes(
    'halves',
    3,
    [
      [2, I32],
      [3, V128],
    ],
    body,
  );
}

interface Converter {
  halves: Uint16Array;
  floats: Float32Array;
  run(n: number): void;
}

let converter: Converter | null | undefined;

function simdConverter(): Converter | null {
  if (converter !== undefined) return converter;
  const module: WasmModule | null = compile(halvesModule());
  if (!module) {
    converter = null;
    return converter;
  }
  const memory = new wasm.Memory({ initial: Math.ceil((IN_BYTES + CHUNK * 4) / WASM_PAGE) });
  const { halves: run } = new wasm.Instance(module, { env: { memory } }).exports as {
    halves: (src: number, dst: number, n: number) => void;
  };
  converter = {
    halves: new Uint16Array(memory.buffer, 0, CHUNK),
    floats: new Float32Array(memory.buffer, IN_BYTES, CHUNK),
    run: (n) => run(0, IN_BYTES, n),
  };
  return converter;
}

/** Writes the float value of every half into `out` from component `at` on. */
export function decodeHalves(halves: Uint16Array, out: Float32Array, at: number, useSimd = true): void {
  const simdPath = useSimd ? simdConverter() : null;
  let done = 0;
  if (simdPath) {
    for (; done + 8 <= halves.length; ) {
      const n = Math.min(CHUNK, (halves.length - done) & ~7);
      simdPath.halves.set(halves.subarray(done, done + n));
      simdPath.run(n);
      out.set(simdPath.floats.subarray(0, n), at + done);
      done += n;
    }
  }
  if (done === halves.length) return;
  const table = halfTable();
  for (let i = done; i < halves.length; i++) out[at + i] = table[halves[i] as number] as number;
}
