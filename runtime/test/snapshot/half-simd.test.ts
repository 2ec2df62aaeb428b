import { describe, expect, it } from 'vitest';
import { halfTable } from '../../src/snapshot/half-float.js';
import { decodeHalves } from '../../src/snapshot/half-simd.js';

const everyHalf = () => Uint16Array.from({ length: 65536 }, (_, h) => h);
const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

/** The bit patterns whose decoded value differs from the lookup table's. */
function mismatches(out: Float32Array, at: number, halves: Uint16Array): string[] {
  const table = halfTable();
  const wrong: string[] = [];
  halves.forEach((h, i) => {
    if (!same(out[at + i] as number, table[h] as number)) wrong.push(h.toString(16));
  });
  return wrong;
}

describe('decodeHalves', () => {
  it('decodes all 65,536 half patterns as the table does: zeros, subnormals, normals, infinities, NaNs', () => {
    const halves = everyHalf();
    const out = new Float32Array(halves.length);
    decodeHalves(halves, out, 0);
    expect(mismatches(out, 0, halves)).toEqual([]);
    expect(Object.is(out[0x8000], -0)).toBe(true);
    expect(out[0x0001]).toBe(2 ** -24);
    expect(out[0x7c00]).toBe(Number.POSITIVE_INFINITY);
    expect(out[0xfc00]).toBe(Number.NEGATIVE_INFINITY);
    expect(out[0x7e00]).toBeNaN();
  });

  it('gives the same values without SIMD', () => {
    const halves = everyHalf();
    const out = new Float32Array(halves.length);
    decodeHalves(halves, out, 0, false);
    expect(mismatches(out, 0, halves)).toEqual([]);
  });

  it('writes at the given offset across several chunks and a tail shorter than eight', () => {
    const halves = Uint16Array.from({ length: 3 * 65536 + 13 }, (_, i) => (i * 7919) & 0xffff);
    const out = new Float32Array(halves.length + 5).fill(42);
    decodeHalves(halves, out, 5);
    expect(Array.from(out.subarray(0, 5))).toEqual([42, 42, 42, 42, 42]);
    expect(mismatches(out, 5, halves)).toEqual([]);
  });
});
