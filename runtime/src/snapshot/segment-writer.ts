// Writing one new segment: a fresh time-sortable id, the header every writer fills the same
// way, a create-only put; then, for appends and expiry, committing its reference in time for
// GC. Which rows go in and how the manifest changes stay each caller's own steps.

import type { CollectionName, Manifest, SegmentExpiry, SegmentRef, VectorEncoding } from '@escher/shared';
import { TransientError } from '../errors.js';
import { CommitRaceLostError, commitManifest, type ManifestVersion } from './manifest-store.js';
import { encodeSegment, type SegmentColumns } from './segment-codec.js';
import { newSegmentId, segmentCreatedAt, segmentKey, writeSegment } from './segment-io.js';
import type { Snapshot } from './snapshot.js';

/** A writer whose segment waited longer than this gives up, so GC (grace ≥ 1 h) never races it. */
export const MAX_COMMIT_AGE_MS = 10 * 60_000;

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

/**
 * Commits the segment under `key` by compare-and-swap: `change` edits every manifest tried
 * and throws to refuse it; a segment older than MAX_COMMIT_AGE_MS is refused too. A refused or
 * outraced segment is deleted at once, as no manifest lists it; after any other failure the
 * commit may have landed, and GC decides later. `late` words the too-old error; `read` is a
 * manifest the caller read already, to try first.
 */
export async function commitNewSegment(
  snap: Snapshot,
  key: string,
  change: (current: Manifest) => Manifest | Promise<Manifest>,
  late: { what: string; hint: string },
  read?: ManifestVersion,
): Promise<void> {
  let refused = false;
  try {
    await commitManifest(
      snap.store,
      async (current) => {
        refused = true;
        const next = await change(current);
        if (snap.now().getTime() - (segmentCreatedAt(key)?.getTime() ?? 0) > MAX_COMMIT_AGE_MS) {
          throw new TransientError(`${late.what} ${key} waited too long for its commit`, { hint: late.hint });
        }
        refused = false;
        return next;
      },
      { now: snap.now, ...(read ? { read } : {}) },
    );
  } catch (err) {
    if (refused || err instanceof CommitRaceLostError) await snap.store.delete(key).catch(() => undefined);
    throw err;
  }
}
