import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/errors.js';
import { halfTable, toHalf } from '../../src/snapshot/half-float.js';
import { decodeSegment, encodeSegment, indexSegmentRows } from '../../src/snapshot/segment-codec.js';

const header = {
  collection: 'cloud_estate' as const,
  segmentId: 'seg-1',
  writer: 'w1',
  createdAt: '2026-01-01T00:00:00.000Z',
  records: 2,
  tombstones: 1,
  model: 'm',
  dims: 3,
  keyId: '0123456789abcdef',
  mergedFrom: [],
};
const columns = {
  ids: ['a', 'b'],
  payloads: [{ state: 'running', tags: { env: 'dev' } }, null],
  vectors: Float32Array.from([0.1, -0.5, 2, 0, 0, 0]),
};

const align4 = (n: number) => (n + 3) & ~3;

/** The same segment in format version 1 (payload block straight after the vectors), as older writers wrote it. */
function versionOne(segment: Uint8Array): Buffer {
  const v2 = Buffer.from(segment);
  const headerLength = v2.readUInt32LE(8);
  const old = JSON.parse(v2.toString('utf8', 12, 12 + headerLength));
  const vectorStart = align4(12 + headerLength);
  const vectorBlock = v2.subarray(vectorStart, vectorStart + old.vectorBytes);
  const payloadBlock = Buffer.from(JSON.stringify(columns.ids.map((id, i) => [id, columns.payloads[i]])));
  const headerBytes = Buffer.from(JSON.stringify({ ...old, payloadBytes: payloadBlock.length }));
  const preamble = Buffer.alloc(align4(12 + headerBytes.length), 0x20);
  preamble.write('ESEG', 0, 'latin1');
  preamble.writeUInt32LE(1, 4);
  preamble.writeUInt32LE(headerBytes.length, 8);
  preamble.set(headerBytes, 12);
  return Buffer.concat([preamble, vectorBlock, payloadBlock]);
}

describe('segment codec', () => {
  it('still reads version-1 segments, whose payload block follows the vectors unpadded', () => {
    // i8 with 3 dims: a 14-byte vector block, which version 2 pads and version 1 did not.
    const v2 = encodeSegment({ ...header, vectorEncoding: 'i8' }, columns);
    const v1 = versionOne(v2);
    expect(v1.readUInt32LE(4)).toBe(1);
    const [old, current] = [decodeSegment(v1, 'old'), decodeSegment(v2, 'new')];
    expect(old.ids).toEqual(columns.ids);
    expect(old.payloads).toEqual(columns.payloads);
    expect(Array.from(old.vectors)).toEqual(Array.from(current.vectors));
    const rows = indexSegmentRows(v1, 'old');
    expect([rows.isTombstone(0), rows.isTombstone(1)]).toEqual([false, true]);
    expect(rows.payload(0)).toEqual(columns.payloads[0]);
    expect(rows.postings(['state'])).toBe('unindexed');
    expect(indexSegmentRows(v2, 'new').postings(['tags', 'env'])).toMatchObject({ values: ['dev'] });
  });

  it('round-trips ids, payloads, tombstones and exact float32 vectors', () => {
    const bytes = encodeSegment({ ...header, vectorEncoding: 'f32' }, columns);
    const seg = decodeSegment(bytes, 'seg-1');
    expect(seg.ids).toEqual(['a', 'b']);
    expect(seg.payloads).toEqual([{ state: 'running', tags: { env: 'dev' } }, null]);
    expect(Array.from(seg.vectors)).toEqual(Array.from(columns.vectors));
    expect(seg.header.vectorBytes).toBe(24);
  });

  it('keeps int8 vectors within 1/254 of the largest component and the largest one exact', () => {
    const bytes = encodeSegment({ ...header, vectorEncoding: 'i8' }, columns);
    const seg = decodeSegment(bytes, 'seg-1');
    expect(seg.header.vectorBytes).toBe(2 * 4 + 6);
    expect(seg.vectors[2]).toBeCloseTo(2, 6);
    expect(Math.abs((seg.vectors[0] as number) - 0.1)).toBeLessThanOrEqual(2 / 254);
    expect(Math.abs((seg.vectors[1] as number) + 0.5)).toBeLessThanOrEqual(2 / 254);
  });

  it('keeps float16 vectors within a relative 2^-11 of each component', () => {
    const bytes = encodeSegment({ ...header, vectorEncoding: 'f16' }, columns);
    const seg = decodeSegment(bytes, 'seg-1');
    expect(seg.header.vectorBytes).toBe(12);
    expect(Array.from(seg.vectors).slice(1)).toEqual([-0.5, 2, 0, 0, 0]);
    expect(Math.abs((seg.vectors[0] as number) - 0.1) / 0.1).toBeLessThanOrEqual(2 ** -11);
  });

  it('rounds float16 to nearest and handles subnormals, overflow and signs', () => {
    const table = halfTable();
    expect(toHalf(1)).toBe(0x3c00);
    expect(toHalf(-2)).toBe(0xc000);
    expect(toHalf(65504)).toBe(0x7bff);
    expect(toHalf(1e6)).toBe(0x7c00);
    expect(table[toHalf(2 ** -24)]).toBe(2 ** -24);
    expect(table[toHalf(1 + 2 ** -11)]).toBe(1);
    expect(table[toHalf(1 + 3 * 2 ** -11)]).toBe(1 + 2 ** -9);
  });

  it('decodes vectors into a preallocated array at the given offset', () => {
    const target = new Float32Array(9).fill(7);
    decodeSegment(encodeSegment({ ...header, vectorEncoding: 'f32' }, columns), 'seg-1', {
      vectors: target,
      at: 3,
    });
    expect(Array.from(target.subarray(0, 3))).toEqual([7, 7, 7]);
    expect(target[5]).toBe(2);
  });

  it('decodes a body that starts at an odd offset of its buffer the same as an aligned one', () => {
    for (const vectorEncoding of ['f32', 'f16', 'i8'] as const) {
      const bytes = encodeSegment({ ...header, vectorEncoding }, columns);
      const shifted = new Uint8Array(bytes.length + 1);
      shifted.set(bytes, 1);
      const aligned = decodeSegment(bytes, 'seg-1');
      const odd = decodeSegment(shifted.subarray(1), 'seg-1');
      expect(Array.from(odd.vectors)).toEqual(Array.from(aligned.vectors));
      expect(odd.payloads).toEqual(aligned.payloads);
    }
  });

  it('refuses a truncated segment with an error naming it', () => {
    const bytes = encodeSegment({ ...header, vectorEncoding: 'f32' }, columns);
    expect(() => decodeSegment(bytes.subarray(0, bytes.length - 5), 'segments/x.seg')).toThrow(
      IntegrityError,
    );
    expect(() => decodeSegment(bytes.subarray(0, bytes.length - 5), 'segments/x.seg')).toThrow(
      /segment segments\/x\.seg is damaged: \d+ bytes where the header promises \d+ \(truncated\?\)/,
    );
  });

  it('refuses bytes that are not a segment', () => {
    expect(() => decodeSegment(Buffer.from('hello world, not a segment'), 'k')).toThrow(
      'segment k is damaged: not a segment',
    );
  });

  it('refuses a segment of a newer format version', () => {
    const bytes = Buffer.from(encodeSegment({ ...header, vectorEncoding: 'f32' }, columns));
    bytes.writeUInt32LE(9, 4);
    expect(() => decodeSegment(bytes, 'k')).toThrow(
      'segment k has format version 9, newer than this escher reads',
    );
  });
});
