// Binary segment encoding (layout in shared/src/snapshot/FORMAT.md): magic, version, a JSON
// header, one contiguous little-endian vector block, one JSON payload block. Pure: bytes in,
// columns out, so loading can place vectors straight into the engine's typed array.

import { endianness } from 'node:os';
import {
  SEGMENT_FORMAT_VERSION,
  SEGMENT_MAGIC,
  type SegmentHeader,
  SegmentHeaderSchema,
  type VectorEncoding,
} from '@escher/shared';
import { IntegrityError } from '../errors.js';
import { toHalf } from './half-float.js';
import { decodeHalves } from './half-simd.js';

/** A payload of null marks a tombstone. */
export interface SegmentColumns {
  ids: string[];
  payloads: (Record<string, unknown> | null)[];
  /** ids.length * dims components, row-major. Tombstones carry zero vectors. */
  vectors: Float32Array;
}

const PREAMBLE = 12;
const align4 = (n: number) => (n + 3) & ~3;

if (endianness() !== 'LE') {
  // Vector blocks are read as native typed arrays; every supported platform is little-endian.
  throw new Error('escher snapshots need a little-endian CPU');
}

export function vectorBlockBytes(encoding: VectorEncoding, records: number, dims: number): number {
  if (encoding === 'f32') return records * dims * 4;
  return encoding === 'f16' ? records * dims * 2 : records * 4 + records * dims;
}

function encodeVectors(encoding: VectorEncoding, vectors: Float32Array, n: number, dims: number): Uint8Array {
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

export function encodeSegment(
  header: Omit<SegmentHeader, 'vectorBytes' | 'payloadBytes'>,
  columns: SegmentColumns,
): Uint8Array {
  const n = columns.ids.length;
  const vectorBlock = encodeVectors(header.vectorEncoding, columns.vectors, n, header.dims);
  const payloadBlock = Buffer.from(JSON.stringify(columns.ids.map((id, i) => [id, columns.payloads[i]])));
  const full: SegmentHeader = {
    ...header,
    vectorBytes: vectorBlock.length,
    payloadBytes: payloadBlock.length,
  };
  const headerBytes = Buffer.from(JSON.stringify(full));
  const vectorStart = align4(PREAMBLE + headerBytes.length);
  const out = Buffer.alloc(vectorStart + vectorBlock.length + payloadBlock.length, 0x20);
  out.write(SEGMENT_MAGIC, 0, 'latin1');
  out.writeUInt32LE(SEGMENT_FORMAT_VERSION, 4);
  out.writeUInt32LE(headerBytes.length, 8);
  out.set(headerBytes, PREAMBLE);
  out.set(vectorBlock, vectorStart);
  out.set(payloadBlock, vectorStart + vectorBlock.length);
  return out;
}

/** Reads only the header; `name` is how errors refer to the object. */
export function decodeSegmentHeader(
  bytes: Uint8Array,
  name: string,
): { header: SegmentHeader; vectorStart: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string) =>
    new IntegrityError(`segment ${name} is damaged: ${why}`, {
      hint: 'run `escher state verify`; restore the object from a backup or remove it with `escher state compact` after a restore',
    });
  if (buf.length < PREAMBLE || buf.toString('latin1', 0, 4) !== SEGMENT_MAGIC) throw damaged('not a segment');
  const version = buf.readUInt32LE(4);
  if (version > SEGMENT_FORMAT_VERSION) {
    throw new IntegrityError(`segment ${name} has format version ${version}, newer than this escher reads`, {
      hint: 'upgrade escher to read this snapshot',
    });
  }
  const headerLength = buf.readUInt32LE(8);
  if (PREAMBLE + headerLength > buf.length) throw damaged('truncated header');
  let header: SegmentHeader;
  try {
    header = SegmentHeaderSchema.parse(JSON.parse(buf.toString('utf8', PREAMBLE, PREAMBLE + headerLength)));
  } catch (cause) {
    throw new IntegrityError(`segment ${name} is damaged: unreadable header`, { cause });
  }
  const vectorStart = align4(PREAMBLE + headerLength);
  const expected = vectorStart + header.vectorBytes + header.payloadBytes;
  if (buf.length !== expected)
    throw damaged(`${buf.length} bytes where the header promises ${expected} (truncated?)`);
  if (header.vectorBytes !== vectorBlockBytes(header.vectorEncoding, header.records, header.dims)) {
    throw damaged('vector block size does not match the record count');
  }
  return { header, vectorStart };
}

/** Ids and payloads without the vectors: for readers that only look records up by id. */
export function decodeSegmentRecords(
  bytes: Uint8Array,
  name: string,
): { header: SegmentHeader } & Omit<SegmentColumns, 'vectors'> {
  const { header, vectorStart } = decodeSegmentHeader(bytes, name);
  return { header, ...decodeRows(bytes, name, header, vectorStart) };
}

function decodeRows(
  bytes: Uint8Array,
  name: string,
  header: SegmentHeader,
  vectorStart: number,
): Omit<SegmentColumns, 'vectors'> {
  const n = header.records;
  let rows: unknown;
  try {
    const payloadStart = vectorStart + header.vectorBytes;
    rows = JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', payloadStart),
    );
  } catch (cause) {
    throw new IntegrityError(`segment ${name} is damaged: unreadable payload block`, { cause });
  }
  if (!Array.isArray(rows) || rows.length !== n) {
    throw new IntegrityError(`segment ${name} is damaged: payload block does not hold ${n} records`);
  }
  const ids: string[] = new Array(n);
  const payloads: (Record<string, unknown> | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as [string, Record<string, unknown> | null];
    ids[i] = row[0];
    payloads[i] = row[1];
  }
  return { ids, payloads };
}

/**
 * Decodes a segment. Vectors go into `target` at component offset `at` when given (the
 * loader's preallocated array), otherwise into a fresh array.
 */
export function decodeSegment(
  bytes: Uint8Array,
  name: string,
  target?: { vectors: Float32Array; at: number },
): { header: SegmentHeader } & SegmentColumns {
  const { header, vectorStart } = decodeSegmentHeader(bytes, name);
  const n = header.records;
  const dims = header.dims;
  const out = target?.vectors ?? new Float32Array(n * dims);
  const at = target?.at ?? 0;
  const start = bytes.byteOffset + vectorStart;
  // Typed views need aligned offsets; a read body normally starts aligned (the block is at a
  // multiple of 4 in the segment), so the block is copied only when it does not.
  const block =
    start % 4 === 0
      ? { buffer: bytes.buffer as ArrayBuffer, offset: start }
      : { buffer: bytes.buffer.slice(start, start + header.vectorBytes) as ArrayBuffer, offset: 0 };
  if (header.vectorEncoding === 'f32') {
    out.set(new Float32Array(block.buffer, block.offset, n * dims), at);
  } else if (header.vectorEncoding === 'f16') {
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
  const { ids, payloads } = decodeRows(bytes, name, header, vectorStart);
  return { header, ids, payloads, vectors: target ? out.subarray(at, at + n * dims) : out };
}
