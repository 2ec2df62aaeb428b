import { describe, expect, it } from 'vitest';
import { joinRows } from '../../src/snapshot/joined-rows.js';
import { indexRows } from '../../src/snapshot/payload-block.js';
import {
  encodeRowBlock,
  MAX_INDEXED_VALUE,
  type RowColumns,
  readRowBlock,
} from '../../src/snapshot/row-block.js';
import { parseFilter } from '../../src/vector/filter.js';
import { MemoryVectorStore } from '../../src/vector/memory-engine.js';
import type { VectorStore } from '../../src/vector/vector-store.js';

// An engine that adopts a snapshot's rows answers filters from the segments' stored postings
// (or, for segments that do not index a path, from their payloads). It must answer exactly as
// an engine that indexes every payload itself.

const DIMS = 4;
const STATES = ['running', 'stopped', 'available'];
const REGIONS = ['eu-west-1', 'us-east-1', 'westeurope'];

function rowsFor(start: number, count: number, segment: number): RowColumns {
  const ids: string[] = [];
  const payloads: RowColumns['payloads'] = [];
  for (let i = start; i < start + count; i++) {
    // Ids repeat across segments, so later rows supersede earlier ones; every 11th is deleted.
    ids.push(`r${i % 150}`);
    payloads.push(
      i % 11 === 0
        ? null
        : {
            state: STATES[(i + segment) % 3],
            region: REGIONS[i % 3],
            port: i % 2 ? 443 : '443',
            zones: i % 4 ? ['a', 'b'] : ['c'],
            tags: { env: i % 5 ? 'dev' : 'prod', owner: `team-${i % 7}` },
            note: i === start + 3 && segment === 2 ? 'x'.repeat(MAX_INDEXED_VALUE + 1) : `n${i % 4}`,
            content: { $enc: `v1:${i}` },
          },
    );
  }
  return { ids, payloads };
}

const v2 = (c: RowColumns) => {
  const block = encodeRowBlock(c);
  return readRowBlock(block, 'v2', 0, block.length, c.ids.length);
};
/** A version-1 payload block, as writers before the row block wrote it. */
const v1 = (c: RowColumns) =>
  indexRows(Buffer.from(JSON.stringify(c.ids.map((id, i) => [id, c.payloads[i]]))), 'v1', 0, c.ids.length);

const FILTERS = [
  'state=running',
  'region=eu-west-1,state=stopped',
  'port=443',
  'zones=b,tags.env=prod',
  'tags.owner=team-3,region=us-east-1,state=available',
  'note=n1',
  `note=${'x'.repeat(MAX_INDEXED_VALUE + 1)}`,
  'content.$enc=v1:5',
  'tags=dev',
  'missing=1',
].map((f) => parseFilter([f]));

async function answers(store: VectorStore) {
  return Promise.all(
    FILTERS.map(async (filter) => ({
      ids: (await store.query({ filter, limit: 1000 })).map((h) => [h.id, h.payload]),
      count: await store.count(filter),
    })),
  );
}

describe('an engine adopting stored rows', () => {
  const segments = [rowsFor(0, 120, 0), rowsFor(120, 100, 1), rowsFor(220, 90, 2)];
  const all: RowColumns = {
    ids: segments.flatMap((s) => s.ids),
    payloads: segments.flatMap((s) => s.payloads),
  };
  const vectors = Float32Array.from({ length: all.ids.length * DIMS }, (_, i) => Math.sin(i));
  const adopted = () => {
    const arena = MemoryVectorStore.arena(DIMS, all.ids.length);
    arena.vectors.set(vectors);
    // Version 2, version 1 (no stored index) and version 2 with an unindexed path.
    const rows = joinRows([
      v2(segments[0] as RowColumns),
      v1(segments[1] as RowColumns),
      v2(segments[2] as RowColumns),
    ]);
    return MemoryVectorStore.fromRows(DIMS, rows, arena);
  };
  const parsed = () => MemoryVectorStore.fromColumns(DIMS, { ...all, vectors });

  it('answers every filter as an engine indexing the payloads does', async () => {
    const expected = await answers(parsed());
    expect(expected[0]?.count).toBeGreaterThan(10);
    expect(expected[6]?.count).toBe(1);
    expect(await answers(adopted())).toEqual(expected);
  });

  it('keeps answering alike after upserts and deletes, before and after an index is built', async () => {
    const [a, b] = [adopted(), parsed()];
    await answers(a); // builds every index first on one engine only
    const change = async (store: VectorStore) => {
      await store.upsert([
        {
          id: 'r7',
          vector: Float32Array.from([1, 0, 0, 0]),
          payload: { state: 'running', zones: ['b'], tags: { env: 'prod' } },
        },
        {
          id: 'new',
          vector: Float32Array.from([0, 1, 0, 0]),
          payload: { state: 'stopped', region: 'eu-west-1' },
        },
      ]);
      await store.delete(['r8', 'r9']);
    };
    await change(a);
    await change(b);
    expect(await answers(a)).toEqual(await answers(b));
  });

  it('reads each payload only when its record is handed out', async () => {
    const store = adopted();
    const [hit] = await store.query({ filter: parseFilter(['tags.owner=team-3']), limit: 1 });
    expect(hit?.payload).toMatchObject({ tags: { owner: 'team-3' } });
    // A fresh object each time: a caller changing one cannot change the store.
    (hit?.payload as { state: string }).state = 'changed';
    expect((await store.get(hit?.id as string))?.payload.state).not.toBe('changed');
  });
});
