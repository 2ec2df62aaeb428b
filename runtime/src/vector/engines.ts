// The vector engines, one line each. The snapshot loader asks this table for an empty
// store and streams records into it. Qdrant's client (and the HTTP stack under it) loads
// only when that engine is chosen: every snapshot load would otherwise pay for it.

import { ConfigError } from '../errors.js';
import { MemoryVectorStore } from './memory-engine.js';
import type { VectorStore } from './vector-store.js';

export interface EngineOptions {
  /** Qdrant server URL (from QDRANT_URL). */
  qdrantUrl?: string;
  /** Names the engine-side collection; Qdrant collections are shared, so callers prefix them. */
  collection: string;
  dims: number;
}

type EngineFactory = (options: EngineOptions) => Promise<VectorStore>;

export const engines: Record<string, EngineFactory> = {
  memory: async ({ dims }) => new MemoryVectorStore(dims),
  qdrant: async ({ qdrantUrl, collection, dims }) => {
    if (!qdrantUrl)
      throw new ConfigError('the qdrant engine needs QDRANT_URL', {
        hint: 'set QDRANT_URL=http://host:6333',
      });
    const [{ QdrantClient }, { QdrantVectorStore }] = await Promise.all([
      import('@qdrant/js-client-rest'),
      import('./qdrant-engine.js'),
    ]);
    return QdrantVectorStore.open(
      new QdrantClient({ url: qdrantUrl, checkCompatibility: false }),
      collection,
      dims,
    );
  },
};

export async function openEngine(name: string, options: EngineOptions): Promise<VectorStore> {
  const factory = engines[name];
  if (!factory) {
    throw new ConfigError(`unknown vector engine "${name}"`, {
      hint: `use one of ${Object.keys(engines).join(', ')}`,
    });
  }
  return factory(options);
}
