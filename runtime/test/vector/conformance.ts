// One behaviour suite every VectorStore engine must pass. Each engine's test file calls
// it with a factory for an empty 4-d store.

import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../src/vector/filter.js';
import type { VectorRecord, VectorStore } from '../../src/vector/vector-store.js';

const v = (...xs: number[]) => Float32Array.from(xs);

const estate: VectorRecord[] = [
  {
    id: 'aws-i-1',
    vector: v(1, 0, 0, 0),
    payload: { cloud_provider: 'aws', state: 'running', port: 443, tags: { env: 'dev', app: 'web' } },
  },
  {
    id: 'az-vm-1',
    vector: v(0.9, 0.1, 0, 0),
    payload: { cloud_provider: 'azure', state: 'running', tags: { env: 'prod' } },
  },
  {
    id: 'gcp-vm-1',
    vector: v(0, 1, 0, 0),
    payload: { cloud_provider: 'gcp', state: 'stopped', tags: { env: 'dev' } },
  },
  {
    id: 'aws-s3-1',
    vector: v(0, 0, 2, 0),
    payload: { cloud_provider: 'aws', state: 'available', tags: { env: 'dev', app: 'web' } },
  },
];

const sortedIds = (hits: { id: string }[]) => hits.map((h) => h.id).sort();

export function vectorStoreConformance(engine: string, open: () => Promise<VectorStore>): void {
  describe(`VectorStore conformance: ${engine}`, () => {
    const seeded = async () => {
      const store = await open();
      await store.upsert(estate);
      return store;
    };

    it('counts and returns records by id with their vectors and payloads', async () => {
      const store = await seeded();
      expect(await store.count()).toBe(4);
      const got = await store.get('aws-s3-1');
      expect(got?.payload).toEqual(estate[3]?.payload);
      expect(Array.from(got?.vector ?? []).map((x) => Math.round(x * 1e5) / 1e5)).toEqual([0, 0, 2, 0]);
      expect(await store.get('missing')).toBeUndefined();
    });

    it('filters on top-level and nested tag fields, ANDing terms', async () => {
      const store = await seeded();
      expect(sortedIds(await store.query({ filter: parseFilter(['tags.env=dev']), limit: 10 }))).toEqual([
        'aws-i-1',
        'aws-s3-1',
        'gcp-vm-1',
      ]);
      expect(
        sortedIds(await store.query({ filter: parseFilter(['tags.env=dev,cloud_provider=aws']), limit: 10 })),
      ).toEqual(['aws-i-1', 'aws-s3-1']);
      expect(await store.count(parseFilter(['tags.app=web', 'state=running']))).toBe(1);
      expect(await store.query({ filter: parseFilter(['tags.env=staging']) })).toEqual([]);
    });

    it('matches numbers by their text form', async () => {
      const store = await seeded();
      expect(sortedIds(await store.query({ filter: parseFilter(['port=443']) }))).toEqual(['aws-i-1']);
    });

    it('ranks by cosine similarity, best first, with scores', async () => {
      const store = await seeded();
      const hits = await store.query({ vector: v(1, 0, 0, 0), limit: 2 });
      expect(hits.map((h) => h.id)).toEqual(['aws-i-1', 'az-vm-1']);
      expect(hits[0]?.score).toBeCloseTo(1, 5);
      expect(hits[1]?.score).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 5);
    });

    it('combines a filter with similarity ranking', async () => {
      const store = await seeded();
      const hits = await store.query({
        vector: v(1, 0, 0, 0),
        filter: parseFilter(['tags.env=dev']),
        limit: 3,
      });
      expect(hits.map((h) => h.id)).toEqual(['aws-i-1', expect.any(String), expect.any(String)]);
      expect(sortedIds(hits.slice(1))).toEqual(['aws-s3-1', 'gcp-vm-1']);
      expect(hits[1]?.score).toBeCloseTo(0, 5);
    });

    it('replaces a record on upsert of the same id and forgets deleted ones', async () => {
      const store = await seeded();
      await store.upsert([
        {
          id: 'aws-i-1',
          vector: v(0, 0, 0, 1),
          payload: { cloud_provider: 'aws', state: 'stopped', tags: { env: 'dev' } },
        },
      ]);
      await store.delete(['gcp-vm-1']);
      expect(await store.count()).toBe(3);
      expect(sortedIds(await store.query({ filter: parseFilter(['state=stopped']) }))).toEqual(['aws-i-1']);
      expect((await store.query({ vector: v(0, 0, 0, 1), limit: 1 }))[0]?.id).toBe('aws-i-1');
      expect(await store.get('gcp-vm-1')).toBeUndefined();
    });

    it('exports every live record exactly once', async () => {
      const store = await seeded();
      await store.delete(['az-vm-1']);
      const ids: string[] = [];
      for await (const record of store.records()) ids.push(record.id);
      expect(ids.sort()).toEqual(['aws-i-1', 'aws-s3-1', 'gcp-vm-1']);
    });

    it('refuses vectors of the wrong dimension', async () => {
      const store = await open();
      await expect(store.upsert([{ id: 'x', vector: v(1, 0), payload: {} }])).rejects.toThrow(
        'record "x" has a 2-d vector; this store holds 4-d',
      );
      await expect(store.query({ vector: v(1, 0, 0) })).rejects.toThrow(
        'query vector has 3 dimensions; this collection holds 4',
      );
    });
  });
}
