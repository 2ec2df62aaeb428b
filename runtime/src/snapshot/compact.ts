// Compaction merges a collection's segments into one holding only its live records. It
// replaces exactly the prefix of the segment list it read, so segments appended meanwhile
// stay after it (and keep superseding it), and superseded or deleted records cannot come
// back. Replaced segments stay in the store until GC, for readers of older manifests.

import { COLLECTION_NAMES, type CollectionName, collectionKind } from '@escher/shared';
import { parseCollection } from './append.js';
import { liveRows, parsedColumns, readColumns } from './collection-reader.js';
import { commitManifest, readManifest } from './manifest-store.js';
import { pickRows, writeNewSegment } from './segment-writer.js';
import type { Snapshot } from './snapshot.js';

export interface CompactionResult {
  collection: CollectionName;
  /** Segments merged; 0 when there was nothing to do. */
  merged: number;
  records: number;
  /** Why nothing was merged, when nothing was. */
  skipped?: string;
}

/** Raised inside the commit when another compaction replaced our prefix first. */
class PrefixChanged extends Error {}

export async function compactCollection(snap: Snapshot, collectionName: string): Promise<CompactionResult> {
  const collection = parseCollection(collectionName);
  if (collectionKind(collection) === 'append-only') {
    // Their segments are the audit evidence the hash chain covers; they are never rewritten.
    return { collection, merged: 0, records: 0, skipped: 'append-only collections are not compacted' };
  }
  const { manifest } = await readManifest(snap.store);
  const state = manifest.collections[collection];
  if (!state?.embedding || state.segments.length < 2) {
    return { collection, merged: 0, records: 0, skipped: 'fewer than two segments' };
  }
  const refs = state.segments;
  const { dims, model } = state.embedding;
  const columns = parsedColumns(await readColumns(snap.store, collection, refs, dims));
  const live = liveRows(columns.rows).sort((a, b) => a - b);
  const ref = await writeNewSegment(snap, collection, pickRows(columns, dims, live), {
    model,
    dims,
    vectorEncoding: manifest.vectorEncoding,
    mergedFrom: refs.map((r) => r.key),
  });
  try {
    await commitManifest(
      snap.store,
      (current) => {
        const segments = current.collections[collection]?.segments ?? [];
        if (refs.some((r, i) => segments[i]?.key !== r.key)) throw new PrefixChanged();
        (current.collections[collection] as NonNullable<typeof state>).segments = [
          ref,
          ...segments.slice(refs.length),
        ];
        return current;
      },
      { now: snap.now },
    );
  } catch (err) {
    if (!(err instanceof PrefixChanged)) throw err;
    await snap.store.delete(ref.key).catch(() => undefined);
    return { collection, merged: 0, records: 0, skipped: 'another compaction committed first' };
  }
  return { collection, merged: refs.length, records: live.length };
}

export async function compactSnapshot(snap: Snapshot): Promise<CompactionResult[]> {
  const results: CompactionResult[] = [];
  for (const name of COLLECTION_NAMES) results.push(await compactCollection(snap, name));
  return results;
}
