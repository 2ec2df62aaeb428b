// A VectorStore on a Qdrant collection, for estates too big for one process. Qdrant wants
// UUID or integer point ids and normalises vectors for cosine distance, so the record id
// and the vector's norm ride in the payload (under reserved keys) and are restored on read.

import { createHash } from 'node:crypto';
import type { QdrantClient } from '@qdrant/js-client-rest';
import { InputError, TransientError } from '../errors.js';
import type { FilterTerm, PayloadFilter } from './filter.js';
import type { Hit, Payload, VectorQuery, VectorRecord, VectorStore } from './vector-store.js';

const ID_KEY = '_escher_id';
const NORM_KEY = '_escher_norm';
const PAGE = 256;

/** Deterministic UUID for a record id (sha256, formatted as an RFC 4122 version-8 UUID). */
export function pointId(id: string): string {
  const h = createHash('sha256').update(id).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16] as string, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type QdrantCondition = Record<string, unknown>;

/** A term matches the value as stored: text, and number or boolean when the text reads as one. */
function condition(term: FilterTerm): QdrantCondition {
  const key = term.path.join('.');
  const alternatives: (string | number | boolean)[] = [term.value];
  if (/^-?\d+$/.test(term.value)) alternatives.push(Number(term.value));
  if (term.value === 'true' || term.value === 'false') alternatives.push(term.value === 'true');
  return { should: alternatives.map((value) => ({ key, match: { value } })) };
}

export const qdrantFilter = (filter: PayloadFilter | undefined) =>
  filter && filter.must.length > 0 ? { must: filter.must.map(condition) } : undefined;

function unpack(payload: Record<string, unknown> | null | undefined): {
  id: string;
  norm: number;
  payload: Payload;
} {
  const { [ID_KEY]: id, [NORM_KEY]: norm, ...rest } = payload ?? {};
  return { id: String(id), norm: typeof norm === 'number' ? norm : 1, payload: rest };
}

export class QdrantVectorStore implements VectorStore {
  readonly engine = 'qdrant';

  private constructor(
    private readonly client: QdrantClient,
    readonly collection: string,
    readonly dims: number,
  ) {}

  /** Opens the collection, creating it (cosine distance) when absent. */
  static async open(client: QdrantClient, collection: string, dims: number): Promise<QdrantVectorStore> {
    try {
      const { exists } = await client.collectionExists(collection);
      if (!exists) await client.createCollection(collection, { vectors: { size: dims, distance: 'Cosine' } });
    } catch (cause) {
      throw new TransientError(`Qdrant collection ${collection} cannot be opened`, {
        hint: 'check QDRANT_URL and that the server is up',
        cause,
      });
    }
    return new QdrantVectorStore(client, collection, dims);
  }

  async upsert(records: VectorRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += PAGE) {
      const points = records.slice(i, i + PAGE).map((r) => {
        if (r.vector.length !== this.dims) {
          throw new InputError(
            `record "${r.id}" has a ${r.vector.length}-d vector; this store holds ${this.dims}-d`,
          );
        }
        const norm = Math.hypot(...r.vector);
        return {
          id: pointId(r.id),
          vector: Array.from(r.vector),
          payload: { ...r.payload, [ID_KEY]: r.id, [NORM_KEY]: norm },
        };
      });
      await this.client.upsert(this.collection, { wait: true, points });
    }
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.client.delete(this.collection, { wait: true, points: ids.map(pointId) });
  }

  private toRecord(point: { payload?: unknown; vector?: unknown }): VectorRecord {
    const { id, norm, payload } = unpack(point.payload as Record<string, unknown>);
    const stored = Array.isArray(point.vector) ? (point.vector as number[]) : [];
    return { id, vector: Float32Array.from(stored, (x) => x * norm), payload };
  }

  async get(id: string): Promise<VectorRecord | undefined> {
    const [point] = await this.client.retrieve(this.collection, {
      ids: [pointId(id)],
      with_payload: true,
      with_vector: true,
    });
    return point ? this.toRecord(point) : undefined;
  }

  async query(query: VectorQuery): Promise<Hit[]> {
    const limit = query.limit ?? 10;
    const filter = qdrantFilter(query.filter);
    if (!query.vector) {
      const page = await this.client.scroll(this.collection, { filter, limit, with_payload: true });
      return page.points.map((p) => ({
        id: unpack(p.payload).id,
        score: null,
        payload: unpack(p.payload).payload,
      }));
    }
    if (query.vector.length !== this.dims) {
      throw new InputError(
        `query vector has ${query.vector.length} dimensions; this collection holds ${this.dims}`,
      );
    }
    const result = await this.client.query(this.collection, {
      query: Array.from(query.vector),
      filter,
      limit,
      with_payload: true,
    });
    return result.points.map((p) => ({
      id: unpack(p.payload).id,
      score: p.score,
      payload: unpack(p.payload).payload,
    }));
  }

  async count(filter?: PayloadFilter): Promise<number> {
    return (await this.client.count(this.collection, { filter: qdrantFilter(filter), exact: true })).count;
  }

  async *records(): AsyncIterable<VectorRecord> {
    let offset: string | number | undefined;
    do {
      const page = await this.client.scroll(this.collection, {
        limit: PAGE,
        offset,
        with_payload: true,
        with_vector: true,
      });
      for (const point of page.points) yield this.toRecord(point);
      const next = page.next_page_offset;
      offset = typeof next === 'string' || typeof next === 'number' ? next : undefined;
    } while (offset !== undefined);
  }

  async close(): Promise<void> {}
}
