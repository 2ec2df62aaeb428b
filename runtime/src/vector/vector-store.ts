// What every vector engine offers the snapshot layer: upserts, deletes, exact lookups and
// queries that combine payload filters with top-k cosine similarity.

import type { PayloadFilter } from './filter.js';

export type Payload = Record<string, unknown>;

export interface VectorRecord {
  id: string;
  vector: Float32Array;
  payload: Payload;
}

export interface VectorQuery {
  filter?: PayloadFilter;
  /** When given, hits are ranked by cosine similarity to it; otherwise filter matches in no set order. */
  vector?: Float32Array;
  /** Default 10. */
  limit?: number;
}

export interface Hit {
  id: string;
  /** Cosine similarity in [-1, 1]; null for filter-only queries. */
  score: number | null;
  payload: Payload;
}

export interface VectorStore {
  readonly engine: string;
  readonly dims: number;
  /** Inserts or replaces records by id. */
  upsert(records: VectorRecord[]): Promise<void>;
  delete(ids: string[]): Promise<void>;
  get(id: string): Promise<VectorRecord | undefined>;
  query(query: VectorQuery): Promise<Hit[]>;
  count(filter?: PayloadFilter): Promise<number>;
  /** Every record, in no set order. */
  records(): AsyncIterable<VectorRecord>;
  close(): Promise<void>;
}
