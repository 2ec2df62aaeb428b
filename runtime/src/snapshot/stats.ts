// Per-collection figures for `state stats`: live record count, segments, bytes, model.

import { COLLECTION_NAMES, collectionKind } from '@escher/shared';
import { liveRows, readCollection } from './collection-reader.js';
import { readManifest } from './manifest-store.js';
import type { Snapshot } from './snapshot.js';

export interface CollectionStats {
  kind: string;
  count: number;
  segments: number;
  bytes: number;
  model: string | null;
  dims: number | null;
}

export interface SnapshotStats {
  store: string;
  generation: number;
  vectorEncoding: string;
  collections: Record<string, CollectionStats>;
}

export async function snapshotStats(snap: Snapshot): Promise<SnapshotStats> {
  const { manifest } = await readManifest(snap.store);
  const collections: Record<string, CollectionStats> = {};
  for (const name of COLLECTION_NAMES) {
    const state = manifest.collections[name];
    const columns = await readCollection(snap.store, manifest, name);
    collections[name] = {
      kind: collectionKind(name),
      count: columns ? liveRows(columns.rows).length : 0,
      segments: state?.segments.length ?? 0,
      bytes: state?.segments.reduce((sum, s) => sum + s.bytes, 0) ?? 0,
      model: state?.embedding?.model ?? null,
      dims: state?.embedding?.dims ?? null,
    };
  }
  return {
    store: snap.store.url,
    generation: manifest.generation,
    vectorEncoding: manifest.vectorEncoding,
    collections,
  };
}
