// Reads a collection's committed segments (digest-checked) and resolves which rows are
// live: the last committed row for each id wins, and a tombstone removes the id. Payloads
// stay unparsed (joined-rows.ts) until a caller asks for them.

import type { CollectionName, Manifest, SegmentHeader, SegmentRef, VectorEncoding } from '@escher/shared';
import { IntegrityError } from '../errors.js';
import { mapLimited } from '../jobs/limit.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { StoredRows } from '../vector/memory-engine.js';
import { joinRows } from './joined-rows.js';
import type { RowIndex } from './row-block.js';
import { decodeSegmentRows, type SegmentColumns } from './segment-codec.js';
import { readSegment } from './segment-io.js';

const PARALLEL_READS = 4;

export interface CollectionColumns {
  ids: string[];
  rows: StoredRows;
  /** rows × dims components, row-major (empty when the vectors went into an f16 target). */
  vectors: Float32Array;
  dims: number;
  /** Per segment, in manifest order. */
  headers: SegmentHeader[];
}

/** Where vectors go: floats, or f16 halves (copied as stored, other encodings rounded to halves). */
export type VectorTarget = Float32Array | Uint16Array;

/**
 * Every row of the given segments, in commit order, vectors in one preallocated array. With a
 * Uint16Array target the vectors column is empty and the halves are in the target.
 */
export async function readColumns(
  store: ObjectStore,
  collection: CollectionName,
  refs: SegmentRef[],
  dims: number,
  /** Where to put the vectors (at least rows × dims components); a new float array otherwise. */
  into?: VectorTarget,
): Promise<CollectionColumns> {
  const offsets: number[] = [];
  let total = 0;
  for (const ref of refs) {
    offsets.push(total);
    total += ref.records;
  }
  const halves = into instanceof Uint16Array ? into : undefined;
  const vectors = into instanceof Float32Array ? into : new Float32Array(halves ? 0 : total * dims);
  const segments: RowIndex[] = new Array(refs.length);
  const headers = await mapLimited(refs, PARALLEL_READS, async (ref, i) => {
    const bytes = await readSegment(store, ref);
    const at = offsets[i] as number;
    const seg = decodeSegmentRows(
      bytes,
      ref.key,
      halves ? { halves, at: at * dims } : { vectors, at: at * dims },
    );
    if (
      seg.header.collection !== collection ||
      seg.header.records !== ref.records ||
      seg.header.dims !== dims
    ) {
      throw new IntegrityError(
        `segment ${ref.key} does not belong where the manifest lists it (${collection})`,
      );
    }
    segments[i] = seg.rows;
    return seg.header;
  });
  const rows = joinRows(segments);
  return { ids: rows.ids, rows, vectors, dims, headers };
}

/** The columns with every payload parsed: for callers that rewrite every record. */
export function parsedColumns(columns: CollectionColumns): CollectionColumns & SegmentColumns {
  return { ...columns, payloads: columns.ids.map((_, row) => columns.rows.payload(row)) };
}

export async function readCollection(
  store: ObjectStore,
  manifest: Manifest,
  collection: CollectionName,
  /**
   * Allocates the vectors' destination: asked for 'f16' when the manifest writes f16 (a
   * segment written before the encoding changed is rounded to halves), 'f32' otherwise.
   */
  into?: (rows: number, dims: number, encoding: 'f16' | 'f32') => VectorTarget,
) {
  const state = manifest.collections[collection];
  if (!state?.embedding) return undefined;
  const { dims } = state.embedding;
  const rows = state.segments.reduce((sum, s) => sum + s.records, 0);
  const encoding = (manifest.vectorEncoding as VectorEncoding) === 'f16' ? 'f16' : 'f32';
  return readColumns(store, collection, state.segments, dims, into?.(rows, dims, encoding));
}

/** Row numbers of the live records, in first-seen id order. */
export function liveRows(rows: Pick<StoredRows, 'ids' | 'isTombstone'>): number[] {
  const latest = new Map<string, number>();
  rows.ids.forEach((id, row) => {
    if (rows.isTombstone(row)) latest.delete(id);
    else latest.set(id, row);
  });
  return [...latest.values()];
}
