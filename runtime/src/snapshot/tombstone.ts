// Deleting from a mutable collection: a segment of tombstones, committed like any append.
// Append-only collections refuse, whatever the caller.

import { collectionKind } from '@escher/shared';
import { InputError } from '../errors.js';
import { commitSegment, parseCollection } from './append.js';
import { readManifest } from './manifest-store.js';
import type { Snapshot } from './snapshot.js';

export async function deleteRecords(snap: Snapshot, collectionName: string, ids: string[]) {
  const collection = parseCollection(collectionName);
  if (collectionKind(collection) === 'append-only') {
    throw new InputError(`records in ${collection} cannot be deleted`, {
      hint: 'append-only collections keep every record until retention expiry',
    });
  }
  const unique = [...new Set(ids)];
  const embedding = (await readManifest(snap.store)).manifest.collections[collection]?.embedding;
  if (!embedding || unique.length === 0) return { ids: [], segment: undefined };
  const columns = {
    ids: unique,
    payloads: unique.map(() => null),
    vectors: new Float32Array(unique.length * embedding.dims),
  };
  return commitSegment(snap, collection, columns, { ...embedding, mergedFrom: [] }, async () => undefined);
}
