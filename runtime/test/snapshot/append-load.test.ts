import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HashEmbedder } from '../../src/embed/hash-embedder.js';
import { ConfigError, InputError, IntegrityError } from '../../src/errors.js';
import {
  appendRecords,
  deleteRecords,
  loadCollection,
  openSnapshot,
  readManifest,
  STATE_KEY_NAME,
} from '../../src/snapshot/index.js';
import { parseFilter } from '../../src/vector/filter.js';
import { type Fixture, freshSnapshot, MemorySecrets, MODEL, rec } from './helpers.js';

let f: Fixture;
beforeEach(async () => {
  f = await freshSnapshot();
});
afterEach(() => f.cleanup());

const ids = async (name: string) => {
  const loaded = await loadCollection(f.snap, name);
  const out: string[] = [];
  for await (const r of loaded.records()) out.push(r.id);
  return out.sort();
};

describe('appendRecords and loadCollection', () => {
  it('commits a batch that loads back with payloads, vectors and the model recorded', async () => {
    const result = await appendRecords(
      f.snap,
      'cloud_estate',
      [rec('a', 0, { tags: { env: 'dev' } }), rec('b', 1)],
      MODEL,
    );
    expect(result.ids).toEqual(['a', 'b']);
    const loaded = await loadCollection(f.snap, 'cloud_estate');
    expect(loaded.embedding).toEqual({ model: 'test-axis-4', dims: 4 });
    const a = await loaded.get('a');
    expect(a?.payload).toEqual({ name: 'a', tags: { env: 'dev' } });
    expect(Array.from(a?.vector ?? [])).toEqual([1, 0, 0, 0]);
    expect((await loaded.query({ filter: parseFilter(['tags.env=dev']) })).map((h) => h.id)).toEqual(['a']);
  });

  it('lets a later record supersede an earlier one with the same id in a mutable collection', async () => {
    await appendRecords(f.snap, 'cloud_estate', [rec('a', 0, { state: 'running' })], MODEL);
    await appendRecords(f.snap, 'cloud_estate', [rec('a', 1, { state: 'stopped' })], MODEL);
    const loaded = await loadCollection(f.snap, 'cloud_estate');
    expect(await loaded.count()).toBe(1);
    expect((await loaded.get('a'))?.payload.state).toBe('stopped');
    expect(await loaded.count(parseFilter(['state=running']))).toBe(0);
  });

  it('removes a deleted record through a tombstone', async () => {
    await appendRecords(f.snap, 'alerts_events', [rec('x', 0), rec('y', 1)], MODEL);
    await deleteRecords(f.snap, 'alerts_events', ['x']);
    expect(await ids('alerts_events')).toEqual(['y']);
  });

  it('refuses a second record with an existing id in an append-only collection and writes nothing', async () => {
    await appendRecords(f.snap, 'immutable_reports', [rec('r1', 0, { total: 5 })], MODEL);
    const before = (await readManifest(f.store)).manifest.generation;
    await expect(
      appendRecords(f.snap, 'immutable_reports', [rec('r2', 0), rec('r1', 1)], MODEL),
    ).rejects.toThrow('record "r1" exists already and records in this collection cannot be changed');
    expect((await readManifest(f.store)).manifest.generation).toBe(before);
    expect((await f.store.list('segments/immutable_reports/')).length).toBe(1);
    expect((await (await loadCollection(f.snap, 'immutable_reports')).get('r1'))?.payload.total).toBe(5);
  });

  it('lets exactly one of two racing writers of the same append-only id win', async () => {
    const other = await openSnapshot(f.store, f.secrets);
    const results = await Promise.allSettled([
      appendRecords(f.snap, 'audit', [rec('e1', 0, { by: 'first' })], MODEL),
      appendRecords(other, 'audit', [rec('e1', 1, { by: 'second' })], MODEL),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason),
    ).toEqual([expect.any(InputError)]);
    expect(await ids('audit')).toEqual(['e1']);
  });

  it('refuses deletes in append-only collections', async () => {
    await expect(deleteRecords(f.snap, 'executed_operations', ['a'])).rejects.toThrow(
      'records in executed_operations cannot be deleted',
    );
  });

  it('never mixes vectors of two models in one collection', async () => {
    await appendRecords(f.snap, 'chat_history', [rec('m1', 0)], MODEL);
    await expect(
      appendRecords(f.snap, 'chat_history', [rec('m2', 0)], { model: 'other-model' }),
    ).rejects.toThrow(
      'chat_history holds 4-d vectors of model test-axis-4; these are 4-d vectors of other-model',
    );
  });

  it('embeds records without vectors and records the embedder as the model', async () => {
    const embedder = new HashEmbedder();
    await appendRecords(f.snap, 'user_playbooks', [{ id: 'p', payload: { text: 'restart idle vm' } }], {
      embedder,
    });
    const loaded = await loadCollection(f.snap, 'user_playbooks');
    expect(loaded.embedding).toEqual({ model: 'escher-hash-v1-384', dims: 384 });
    // Stored as float16 (the default encoding): equal to within half precision.
    const stored = Array.from((await loaded.get('p'))?.vector ?? []);
    const expected = Array.from(embedder.embedOne('restart idle vm'));
    expect(
      stored.map(
        (x, i) => Math.abs(x - (expected[i] as number)) <= Math.abs(expected[i] as number) * 2 ** -11,
      ),
    ).toEqual(expected.map(() => true));
  });

  it('refuses bad batches: unknown collection, duplicate ids, uneven dimensions', async () => {
    await expect(appendRecords(f.snap, 'nope', [rec('a', 0)], MODEL)).rejects.toThrow(
      'unknown collection "nope"',
    );
    await expect(appendRecords(f.snap, 'cloud_estate', [rec('a', 0), rec('a', 1)], MODEL)).rejects.toThrow(
      'record id "a" appears twice in one append',
    );
    const short = { id: 'b', vector: [1, 0], payload: {} };
    await expect(appendRecords(f.snap, 'cloud_estate', [rec('a', 0), short], MODEL)).rejects.toThrow(
      'record "b" has a 2-d vector; the batch is 4-d',
    );
    expect(await f.store.list('segments/')).toEqual([]);
  });
});

describe('encryption of sensitive fields', () => {
  it('stores encrypted_data sealed and opens it on read', async () => {
    await appendRecords(
      f.snap,
      'cloud_estate',
      [rec('a', 0, { encrypted_data: 'arn:aws:iam::1:role/very-secret' })],
      MODEL,
    );
    const [object] = await f.store.list('segments/cloud_estate/');
    const raw = Buffer.from((await f.store.get(object?.key ?? ''))?.body ?? []).toString('latin1');
    expect(raw).not.toContain('very-secret');
    expect(raw).toContain('"encrypted_data":{"$enc":"v1:');
    const loaded = await loadCollection(f.snap, 'cloud_estate');
    expect((await loaded.get('a'))?.payload.encrypted_data).toBe('arn:aws:iam::1:role/very-secret');
  });

  it('fails clearly when the key is missing from the secret store', async () => {
    await expect(openSnapshot(f.store, new MemorySecrets())).rejects.toThrow(ConfigError);
    await expect(openSnapshot(f.store, new MemorySecrets())).rejects.toThrow(
      `the snapshot key ${STATE_KEY_NAME} is missing from memory://secrets`,
    );
  });

  it('fails clearly when the secret store holds another key', async () => {
    const other = new MemorySecrets();
    await other.put(STATE_KEY_NAME, Buffer.alloc(32, 7).toString('base64'));
    await expect(openSnapshot(f.store, other)).rejects.toThrow(
      /was sealed with key [0-9a-f]{16}, but escher\/state\/key is key/,
    );
  });
});

describe('integrity on load', () => {
  it('names a corrupted segment and loads nothing', async () => {
    await appendRecords(f.snap, 'cloud_estate', [rec('a', 0)], MODEL);
    const [object] = await f.store.list('segments/cloud_estate/');
    const key = object?.key ?? '';
    const body = Buffer.from((await f.store.get(key))?.body ?? []);
    body[body.length - 3] = (body[body.length - 3] ?? 0) ^ 0xff;
    await f.store.delete(key);
    await f.store.putIfAbsent(key, body);
    await expect(loadCollection(f.snap, 'cloud_estate')).rejects.toThrow(IntegrityError);
    await expect(loadCollection(f.snap, 'cloud_estate')).rejects.toThrow(
      `segment ${key} fails its checksum (corrupted or altered)`,
    );
  });

  it('names a truncated segment', async () => {
    await appendRecords(f.snap, 'cloud_estate', [rec('a', 0)], MODEL);
    const [object] = await f.store.list('segments/cloud_estate/');
    const key = object?.key ?? '';
    const body = (await f.store.get(key))?.body ?? new Uint8Array();
    await f.store.delete(key);
    await f.store.putIfAbsent(key, body.subarray(0, 100));
    await expect(loadCollection(f.snap, 'cloud_estate')).rejects.toThrow(
      new RegExp(`segment ${key} has 100 bytes, the manifest recorded \\d+ \\(truncated or replaced\\)`),
    );
  });
});
