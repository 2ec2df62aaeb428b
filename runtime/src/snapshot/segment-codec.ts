// Binary segment encoding (layout in shared/src/snapshot/FORMAT.md): magic, version, a JSON
// header, one contiguous little-endian vector block, then the rows: version 2 writes a row
// block (ids, payload texts, a stored filter index; row-block.ts), version 1 wrote one JSON
// payload block (payload-block.ts, still read). Pure: bytes in, columns out, so loading can
// place vectors straight into the engine's typed array.

import { endianness } from 'node:os';
import {
  SEGMENT_FORMAT_VERSION,
  SEGMENT_MAGIC,
  type SegmentHeader,
  SegmentHeaderSchema,
} from '@escher/shared';
import { IntegrityError } from '../errors.js';
import { indexRows } from './payload-block.js';
import { encodeRowBlock, type RowColumns, type RowIndex, readRowBlock } from './row-block.js';
import { copyHalves, decodeVectors, encodeVectors, vectorBlockBytes } from './vector-block.js';

/** A payload of null marks a tombstone. */
export interface SegmentColumns extends RowColumns {
  /** ids.length * dims components, row-major. Tombstones carry zero vectors. */
  vectors: Float32Array;
}

const PREAMBLE = 12;
const align4 = (n: number) => (n + 3) & ~3;

if (endianness() !== 'LE') {
  // Vector blocks are read as native typed arrays; every supported platform is little-endian.
  throw new Error('escher snapshots need a little-endian CPU');
}

export function encodeSegment(
  header: Omit<SegmentHeader, 'vectorBytes' | 'payloadBytes'>,
  columns: SegmentColumns,
): Uint8Array {
  const n = columns.ids.length;
  const vectorBlock = encodeVectors(header.vectorEncoding, columns.vectors, n, header.dims);
  const rowBlock = encodeRowBlock(columns);
  const full: SegmentHeader = {
    ...header,
    vectorBytes: vectorBlock.length,
    payloadBytes: rowBlock.length,
  };
  const headerBytes = Buffer.from(JSON.stringify(full));
  const vectorStart = align4(PREAMBLE + headerBytes.length);
  const rowsStart = align4(vectorStart + vectorBlock.length);
  const out = Buffer.alloc(rowsStart + rowBlock.length, 0x20);
  out.write(SEGMENT_MAGIC, 0, 'latin1');
  out.writeUInt32LE(SEGMENT_FORMAT_VERSION, 4);
  out.writeUInt32LE(headerBytes.length, 8);
  out.set(headerBytes, PREAMBLE);
  out.set(vectorBlock, vectorStart);
  out.set(rowBlock, rowsStart);
  return out;
}

interface Layout {
  header: SegmentHeader;
  version: number;
  vectorStart: number;
  /** Where the row block (version 2) or payload block (version 1) starts. */
  rowsStart: number;
}

/** Reads only the header; `name` is how errors refer to the object. */
export function decodeSegmentHeader(bytes: Uint8Array, name: string): Layout {
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
  // Version 2 starts the row block at a multiple of 4, for its u32 tables.
  const rowsStart =
    version >= 2 ? align4(vectorStart + header.vectorBytes) : vectorStart + header.vectorBytes;
  const expected = rowsStart + header.payloadBytes;
  if (buf.length !== expected)
    throw damaged(`${buf.length} bytes where the header promises ${expected} (truncated?)`);
  if (header.vectorBytes !== vectorBlockBytes(header.vectorEncoding, header.records, header.dims)) {
    throw damaged('vector block size does not match the record count');
  }
  return { header, version, vectorStart, rowsStart };
}

function rowIndex(bytes: Uint8Array, name: string, layout: Layout): RowIndex {
  const { header, version, rowsStart } = layout;
  return version >= 2
    ? readRowBlock(bytes, name, rowsStart, header.payloadBytes, header.records)
    : indexRows(bytes, name, rowsStart, header.records);
}

/** The rows without the vectors, payloads parsed on demand: for readers that look records up by id. */
export function indexSegmentRows(bytes: Uint8Array, name: string): { header: SegmentHeader } & RowIndex {
  const layout = decodeSegmentHeader(bytes, name);
  return { header: layout.header, ...rowIndex(bytes, name, layout) };
}

export type VectorDestination = { vectors: Float32Array; at: number } | { halves: Uint16Array; at: number };

/**
 * Decodes a segment's vectors and locates its rows, payloads parsed only when asked for (the
 * snapshot loader). Vectors go into `target` at component offset `at` when given (the
 * loader's preallocated array), otherwise into a fresh array.
 */
export function decodeSegmentRows(
  bytes: Uint8Array,
  name: string,
  target?: VectorDestination,
): { header: SegmentHeader; rows: RowIndex; vectors: Float32Array } {
  const layout = decodeSegmentHeader(bytes, name);
  const { header, vectorStart } = layout;
  const n = header.records;
  const dims = header.dims;
  const halves = target && 'halves' in target ? target.halves : undefined;
  const out = target && 'vectors' in target ? target.vectors : new Float32Array(halves ? 0 : n * dims);
  const at = target?.at ?? 0;
  const start = bytes.byteOffset + vectorStart;
  // Typed views need aligned offsets; a read body normally starts aligned (the block is at a
  // multiple of 4 in the segment), so the block is copied only when it does not.
  const block =
    start % 4 === 0
      ? { buffer: bytes.buffer as ArrayBuffer, offset: start }
      : { buffer: bytes.buffer.slice(start, start + header.vectorBytes) as ArrayBuffer, offset: 0 };
  // An f16 arena target takes the halves as they are (no vectors column then).
  if (halves) copyHalves(header.vectorEncoding, block, n, dims, halves, at);
  else decodeVectors(header.vectorEncoding, block, n, dims, out, at);
  const rows = rowIndex(bytes, name, layout);
  return { header, rows, vectors: target && !halves ? out.subarray(at, at + n * dims) : out };
}

/**
 * Whether a version-2 segment's row block is exactly what a writer makes of its records:
 * a reader trusts the stored filter index instead of the payloads, so `state verify`
 * checks that the two agree. Version-1 segments store no index and always pass.
 */
export function rowBlockMatches(bytes: Uint8Array, name: string, columns: RowColumns): boolean {
  const { header, version, rowsStart } = decodeSegmentHeader(bytes, name);
  if (version < 2) return true;
  const stored = bytes.subarray(rowsStart, rowsStart + header.payloadBytes);
  return Buffer.from(encodeRowBlock(columns)).equals(stored);
}

/** Decodes a segment, every payload parsed: for readers that rewrite or check every record. */
export function decodeSegment(
  bytes: Uint8Array,
  name: string,
  target?: VectorDestination,
): { header: SegmentHeader } & SegmentColumns {
  const { header, rows, vectors } = decodeSegmentRows(bytes, name, target);
  const payloads = rows.ids.map((_, r) => rows.payload(r));
  return { header, ids: rows.ids, payloads, vectors };
}
