// Writing one new segment: a fresh time-sortable id, the header every writer fills the same
// way, a create-only put. Appends, compaction and expiry differ only in which rows they
// write and in how they commit the reference, which stays each caller's own step.

import type { CollectionName, SegmentExpiry, SegmentRef, VectorEncoding } from '@escher/shared';
import { encodeSegment, type SegmentColumns } from './segment-codec.js';
import { newSegmentId, segmentKey, writeSegment } from './segment-io.js';
import type { Snapshot } from './snapshot.js';

export interface NewSegmentMeta {
  model: string;
  dims: number;
  vectorEncoding: VectorEncoding;
  /** Keys of the segments this one replaces; empty for an append. */
  mergedFrom: string[];
  expiry?: SegmentExpiry;
}

/** Writes `columns` as a new segment of `collection`; the reference is not committed yet. */
export async function writeNewSegment(
  snap: Snapshot,
  collection: CollectionName,
  columns: SegmentColumns,
  meta: NewSegmentMeta,
): Promise<SegmentRef> {
  const segmentId = newSegmentId(snap.writer, snap.now());
  const records = columns.ids.length;
  const body = encodeSegment(
    {
      collection,
      segmentId,
      writer: snap.writer,
      createdAt: snap.now().toISOString(),
      records,
      tombstones: columns.payloads.filter((p) => p === null).length,
      model: meta.model,
      dims: meta.dims,
      vectorEncoding: meta.vectorEncoding,
      keyId: snap.key.id,
      mergedFrom: meta.mergedFrom,
      ...(meta.expiry ? { expiry: meta.expiry } : {}),
    },
    columns,
  );
  return writeSegment(snap.store, segmentKey(collection, segmentId), body, records, snap.now());
}

/**
 * The given rows of `columns` as they were (payloads stay sealed: rewriting never needs the
 * key's plaintext), then a tombstone with a zero vector for each id in `tombstones`.
 */
export function pickRows(
  columns: SegmentColumns,
  dims: number,
  rows: number[],
  tombstones: string[] = [],
): SegmentColumns {
  const vectors = new Float32Array((rows.length + tombstones.length) * dims);
  rows.forEach((row, i) => {
    vectors.set(columns.vectors.subarray(row * dims, (row + 1) * dims), i * dims);
  });
  return {
    ids: [...rows.map((row) => columns.ids[row] as string), ...tombstones],
    payloads: [...rows.map((row) => columns.payloads[row] ?? null), ...tombstones.map(() => null)],
    vectors,
  };
}
