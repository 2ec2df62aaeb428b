// Reading a collection into a VectorStore, and the decrypting view callers query. Sealed
// fields stay sealed inside the engine (Qdrant never sees them in the clear) and open
// only in the records handed back to the caller.

import type { CollectionName, Embedding } from '@escher/shared';
import { openEngine } from '../vector/engines.js';
import { type Arena, MemoryVectorStore } from '../vector/memory-engine.js';
import type { Hit, VectorQuery, VectorRecord, VectorStore } from '../vector/vector-store.js';
import { parseCollection } from './append.js';
import { liveRows, readCollection } from './collection-reader.js';
import { openPayload } from './field-crypto.js';
import { assertKeyMatches, readManifest } from './manifest-store.js';
import type { Snapshot } from './snapshot.js';

export interface LoadOptions {
  /** 'memory' (default) or 'qdrant'. */
  engine?: string;
  qdrantUrl?: string;
  /** Engine-side collection name prefix (Qdrant collections are shared between snapshots). */
  qdrantPrefix?: string;
}

export interface LoadedCollection {
  name: CollectionName;
  /** Undefined while the collection holds no records. */
  embedding: Embedding | undefined;
  /** The engine, holding payloads as stored (sensitive fields sealed). */
  engine: VectorStore;
  get(id: string): Promise<VectorRecord | undefined>;
  query(query: VectorQuery): Promise<Hit[]>;
  count(filter?: VectorQuery['filter']): Promise<number>;
  records(): AsyncIterable<VectorRecord>;
}

const DEFAULT_DIMS = 384;

export async function loadCollection(
  snap: Snapshot,
  collectionName: string,
  options: LoadOptions = {},
): Promise<LoadedCollection> {
  const name = parseCollection(collectionName);
  const { manifest } = await readManifest(snap.store);
  assertKeyMatches(manifest, snap.key, snap.store);
  const embedding = manifest.collections[name]?.embedding;
  const dims = embedding?.dims ?? DEFAULT_DIMS;
  const engineName = options.engine ?? 'memory';
  // The in-process engine gets its vectors straight into its own memory: f16 halves as
  // stored when every segment is f16 (half the memory, no decode), floats otherwise.
  let arena: Arena | undefined;
  const into = (rows: number, d: number, encoding: 'f16' | 'f32') => {
    if (encoding === 'f16') {
      const halves = MemoryVectorStore.halfArena(d, rows);
      arena = halves;
      return halves.halves;
    }
    const floats = MemoryVectorStore.arena(d, rows);
    arena = floats;
    return floats.vectors;
  };
  const columns = await readCollection(
    snap.store,
    manifest,
    name,
    engineName === 'memory' ? into : undefined,
  );
  let engine: VectorStore;
  if (engineName === 'memory' && columns && arena) {
    engine = MemoryVectorStore.fromRows(dims, columns.rows, arena);
  } else {
    engine = await openEngine(engineName, {
      qdrantUrl: options.qdrantUrl,
      collection: `${options.qdrantPrefix ?? 'escher'}_${name}`,
      dims,
    });
    if (columns) {
      const live = liveRows(columns.rows);
      await engine.upsert(
        live.map((row) => ({
          id: columns.ids[row] as string,
          vector: columns.vectors.subarray(row * dims, (row + 1) * dims),
          payload: columns.rows.payload(row) as Record<string, unknown>,
        })),
      );
    }
  }
  const open = <T extends { id: string; payload: Record<string, unknown> }>(r: T): T => ({
    ...r,
    payload: openPayload(snap.key, name, r.id, r.payload),
  });
  return {
    name,
    embedding,
    engine,
    get: async (id) => {
      const found = await engine.get(id);
      return found && open(found);
    },
    query: async (query) => (await engine.query(query)).map(open),
    count: (filter) => engine.count(filter),
    records: async function* () {
      for await (const record of engine.records()) yield open(record);
    },
  };
}
