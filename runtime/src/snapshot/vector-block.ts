// The vector block of a segment: one contiguous little-endian block of f32, f16 or
// per-vector-scaled int8 components (FORMAT.md). Pure: floats in, bytes out, and back.

import type { VectorEncoding } from '@escher/shared';
import { toHalf } from './half-float.js';
import { decodeHalves } from './half-simd.js';

export function vectorBlockBytes(encoding: VectorEncoding, records: number, dims: number): number {
  if (encoding === 'f32') return records * dims * 4;
  return encoding === 'f16' ? records * dims * 2 : records * 4 + records * dims;
}

export function encodeVectors(
  encoding: VectorEncoding,
  vectors: Float32Array,
  n: number,
  dims: number,
): Uint8Array {
  if (encoding === 'f32') return new Uint8Array(vectors.buffer, vectors.byteOffset, n * dims * 4);
  if (encoding === 'f16') {
    const halves = new Uint16Array(n * dims);
    for (let i = 0; i < halves.length; i++) halves[i] = toHalf(vectors[i] as number);
    return new Uint8Array(halves.buffer);
  }
  // Symmetric per-vector int8: scale = max|x| / 127, so the largest component is exact.
  const out = new Uint8Array(vectorBlockBytes('i8', n, dims));
  const scales = new Float32Array(out.buffer, 0, n);
  const q = new Int8Array(out.buffer, n * 4, n * dims);
  for (let r = 0; r < n; r++) {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(vectors[r * dims + d] as number));
    const scale = max / 127;
    scales[r] = scale;
    if (scale === 0) continue;
    for (let d = 0; d < dims; d++) q[r * dims + d] = Math.round((vectors[r * dims + d] as number) / scale);
  }
  return out;
}

/**
 * Decodes `n` vectors of `dims` components from the block at `block.offset` of
 * `block.buffer` (4-byte aligned) into `out` at component offset `at`.
 */
export function decodeVectors(
  encoding: VectorEncoding,
  block: { buffer: ArrayBuffer; offset: number },
  n: number,
  dims: number,
  out: Float32Array,
  at: number,
): void {
  if (encoding === 'f32') {
    out.set(new Float32Array(block.buffer, block.offset, n * dims), at);
  } else if (encoding === 'f16') {
    decodeHalves(new Uint16Array(block.buffer, block.offset, n * dims), out, at);
  } else {
    const scales = new Float32Array(block.buffer, block.offset, n);
    const q = new Int8Array(block.buffer, block.offset + n * 4, n * dims);
    for (let r = 0; r < n; r++) {
      const scale = scales[r] as number;
      const base = at + r * dims;
      for (let d = 0; d < dims; d++) out[base + d] = (q[r * dims + d] as number) * scale;
    }
  }
}

/**
 * Copies `n` vectors from the block into the f16 arena `out` at component offset `at`: an
 * f16 block as it is (the arena scores halves directly). A block of another encoding (a
 * segment written before the manifest's encoding changed) is decoded and rounded to
 * halves, as an f16 writer would have stored it, so the collection is still read once.
 */
export function copyHalves(
  encoding: VectorEncoding,
  block: { buffer: ArrayBuffer; offset: number },
  n: number,
  dims: number,
  out: Uint16Array,
  at: number,
): void {
  if (encoding === 'f16') {
    out.set(new Uint16Array(block.buffer, block.offset, n * dims), at);
    return;
  }
  const floats = new Float32Array(n * dims);
  decodeVectors(encoding, block, n, dims, floats, 0);
  for (let i = 0; i < floats.length; i++) out[at + i] = toHalf(floats[i] as number);
}
