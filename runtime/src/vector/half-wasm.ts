// f16 → f32 inside a WebAssembly SIMD register, shared by the snapshot loader's block decoder
// and the engine's f16 similarity kernel. The bits are rebuilt rather than looked up: the
// half's exponent and mantissa, shifted into a float's place and scaled by 2^112, give the
// right value for normal and subnormal halves alike; infinities and NaNs get the float's
// all-ones exponent; the sign is put back last.

import { get, i32const, set, simd, splat4, tee } from './wasm-asm.js';

const SCALE_2_112 = 0x77800000;
const HALF_INF_SHIFTED = 0x7c00 << 13;
const FLOAT_EXPONENT = 0x7f800000;

/**
 * Instructions turning the i32x4 of zero-extended halves on the stack into the f32x4 of
 * their values; `x` and `em` are v128 scratch locals.
 */
export function halvesToFloats(x: number, em: number): number[] {
  return [
    ...tee(x),
    ...splat4(0x7fff),
    ...simd(0x4e), // v128.and
    ...i32const(13),
    ...simd(0xab, 0x01), // i32x4.shl
    ...set(em),
    ...[...get(em), ...splat4(FLOAT_EXPONENT), ...simd(0x50)], // inf/NaN: em | exponent ones
    ...[...get(em), ...splat4(SCALE_2_112), ...simd(0xe6, 0x01)], // finite: em as float × 2^112
    ...[...get(em), ...splat4(HALF_INF_SHIFTED), ...simd(0x40)], // i32x4.ge_u: which lanes are inf/NaN
    ...simd(0x52), // v128.bitselect
    ...[...get(x), ...splat4(0x8000), ...simd(0x4e), ...i32const(16), ...simd(0xab, 0x01)], // sign
    ...simd(0x50), // v128.or
  ];
}

/**
 * Instructions pushing the low (or `high`) four halves of v128 local `v` as an f32x4 worth
 * half × 2^-112 each (the shortcut half-dot.ts explains), for kernels that carry the 2^112
 * elsewhere; infinities and NaNs read as finite values.
 */
export function widenHalvesScaled(v: number, high: boolean): number[] {
  return [
    ...get(v),
    ...simd(high ? 0xa8 : 0xa7, 0x01), // i32x4.extend_{low,high}_i16x8_s
    ...i32const(13),
    ...simd(0xab, 0x01), // i32x4.shl
    ...splat4(0x8fffffff),
    ...simd(0x4e), // v128.and
  ];
}
