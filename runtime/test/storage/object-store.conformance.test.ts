// One specification every ObjectStore backend must meet: the conditional writes that let
// concurrent runners coordinate without overwriting each other's records.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PreconditionFailedError } from '../../src/errors.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { backends } from './backends.js';

const text = (s: string) => new TextEncoder().encode(s);
const read = async (store: ObjectStore, key: string) => {
  const got = await store.get(key);
  return got && new TextDecoder().decode(got.body);
};

describe.each(backends)('ObjectStore on $name', (backend) => {
  let store: ObjectStore;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await backend.open());
  });
  afterEach(() => cleanup());

  it('passes check() when the bucket exists', async () => {
    await expect(store.check()).resolves.toBeUndefined();
  });

  it('returns undefined for a key that was never written', async () => {
    expect(await store.get('manifests/none.json')).toBeUndefined();
  });

  it('creates an object once and refuses a second create-only put, keeping the first body', async () => {
    const first = await store.putIfAbsent('records/a.json', text('first'));
    const got = await store.get('records/a.json');
    expect(got?.version).toBe(first.version);
    expect(new TextDecoder().decode(got?.body)).toBe('first');

    await expect(store.putIfAbsent('records/a.json', text('second'))).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(await read(store, 'records/a.json')).toBe('first');
  });

  it('reads back a segment-sized object byte for byte (a body that arrives in many chunks)', async () => {
    // 3 MB of a pattern whose every 64 KB network chunk differs, so a chunk placed at the
    // wrong offset, dropped or repeated changes the bytes read back.
    const body = new Uint8Array(3 * 1024 * 1024 + 17);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31 + (i >>> 16)) & 0xff;
    const { version } = await store.putIfAbsent('segments/big.seg', body);
    const got = await store.get('segments/big.seg');
    expect(got?.version).toBe(version);
    expect(got?.body.length).toBe(body.length);
    expect(Buffer.compare(Buffer.from(got?.body ?? []), Buffer.from(body))).toBe(0);
  });

  it('swaps with the current version and refuses a stale one, leaving the object unchanged', async () => {
    const v1 = await store.putIfAbsent('HEAD', text('one'));
    const v2 = await store.putIfMatch('HEAD', text('two'), v1.version);
    expect(v2.version).not.toBe(v1.version);

    await expect(store.putIfMatch('HEAD', text('stale'), v1.version)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(await read(store, 'HEAD')).toBe('two');
    expect((await store.get('HEAD'))?.version).toBe(v2.version);
  });

  it('refuses a compare-and-swap on a key that does not exist', async () => {
    const other = await store.putIfAbsent('elsewhere', text('x'));
    await expect(store.putIfMatch('missing', text('y'), other.version)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(await store.get('missing')).toBeUndefined();
  });

  it('lists exactly the objects under a prefix, with keys relative to the store', async () => {
    for (const key of ['segments/1.bin', 'segments/2.bin', 'segmentsX/3.bin', 'manifests/1.json']) {
      await store.putIfAbsent(key, text(key));
    }
    const listed = await store.list('segments/');
    expect(listed.map((o) => o.key).sort()).toEqual(['segments/1.bin', 'segments/2.bin']);
    expect(listed.map((o) => o.size)).toEqual([14, 14]);
    expect((await store.list('')).length).toBe(4);
  });

  it('deletes an object, and deleting a missing one is not an error', async () => {
    await store.putIfAbsent('tmp/x', text('x'));
    await store.delete('tmp/x');
    expect(await store.get('tmp/x')).toBeUndefined();
    await expect(store.delete('tmp/x')).resolves.toBeUndefined();
  });

  it('lets exactly one of 20 concurrent swaps win in each of 3 rounds', async () => {
    let version = (await store.putIfAbsent('pointer', text('round-0'))).version;
    for (let round = 1; round <= 3; round++) {
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.putIfMatch('pointer', text(`round-${round}-writer-${i}`), version),
        ),
      );
      const winners = attempts.flatMap((a, i) =>
        a.status === 'fulfilled' ? [{ i, version: a.value.version }] : [],
      );
      const losers = attempts.filter((a) => a.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(
        losers.every((a) => a.status === 'rejected' && a.reason instanceof PreconditionFailedError),
      ).toBe(true);
      const winner = winners[0] as { i: number; version: string };
      expect(await read(store, 'pointer')).toBe(`round-${round}-writer-${winner.i}`);
      version = winner.version;
    }
  });
});
