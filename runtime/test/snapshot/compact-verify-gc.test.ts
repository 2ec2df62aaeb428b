import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendRecords,
  collectGarbage,
  compactCollection,
  deleteRecords,
  loadCollection,
  openSnapshot,
  readManifest,
  verifySnapshot,
} from '../../src/snapshot/index.js';
import { encodeManifest } from '../../src/snapshot/manifest-store.js';
import { sha256Hex } from '../../src/snapshot/segment-io.js';
import { type Fixture, freshSnapshot, MODEL, rec } from './helpers.js';

let f: Fixture;
beforeEach(async () => {
  f = await freshSnapshot();
});
afterEach(() => f.cleanup());

async function live(name: string) {
  const loaded = await loadCollection(f.snap, name);
  const out: Record<string, unknown> = {};
  for await (const r of loaded.records()) out[r.id] = r.payload.v;
  return out;
}

describe('compactCollection', () => {
  it('merges segments into one without resurrecting superseded or deleted records', async () => {
    await appendRecords(
      f.snap,
      'cloud_estate',
      [rec('a', 0, { v: 1 }), rec('b', 0, { v: 1 }), rec('c', 0, { v: 1 })],
      MODEL,
    );
    await appendRecords(f.snap, 'cloud_estate', [rec('a', 1, { v: 2 })], MODEL);
    await deleteRecords(f.snap, 'cloud_estate', ['b']);
    const result = await compactCollection(f.snap, 'cloud_estate');
    expect(result).toEqual({ collection: 'cloud_estate', merged: 3, records: 2 });
    expect((await readManifest(f.store)).manifest.collections.cloud_estate?.segments).toHaveLength(1);
    expect(await live('cloud_estate')).toEqual({ a: 2, c: 1 });
  });

  it('keeps segments appended while it ran, after the merged one', async () => {
    await appendRecords(f.snap, 'cloud_estate', [rec('a', 0, { v: 1 })], MODEL);
    await appendRecords(f.snap, 'cloud_estate', [rec('b', 0, { v: 1 })], MODEL);
    const writer = await openSnapshot(f.store, f.secrets);
    // The append commits between the compaction's read and its commit.
    const originalGet = f.store.get.bind(f.store);
    let injected = false;
    f.store.get = async (key) => {
      if (!injected && key.endsWith('.seg')) {
        injected = true;
        await appendRecords(writer, 'cloud_estate', [rec('a', 2, { v: 3 }), rec('d', 2, { v: 3 })], MODEL);
      }
      return originalGet(key);
    };
    const result = await compactCollection(f.snap, 'cloud_estate');
    f.store.get = originalGet;
    expect(result.merged).toBe(2);
    expect((await readManifest(f.store)).manifest.collections.cloud_estate?.segments).toHaveLength(2);
    expect(await live('cloud_estate')).toEqual({ a: 3, b: 1, d: 3 });
  });

  it('leaves append-only collections alone', async () => {
    await appendRecords(f.snap, 'audit', [rec('e1', 0)], MODEL);
    await appendRecords(f.snap, 'audit', [rec('e2', 0)], MODEL);
    expect(await compactCollection(f.snap, 'audit')).toEqual({
      collection: 'audit',
      merged: 0,
      records: 0,
      skipped: 'append-only collections are not compacted',
    });
  });
});

describe('verifySnapshot', () => {
  it('reports a healthy snapshot with its audit chain head', async () => {
    await appendRecords(f.snap, 'audit', [rec('e1', 0, { message: 'sealed' })], MODEL);
    await appendRecords(f.snap, 'audit', [rec('e2', 0)], MODEL);
    const report = await verifySnapshot(f.snap);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.collections.audit).toEqual({
      segments: 2,
      rows: 2,
      chainHead: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('detects an audit segment removed from the manifest', async () => {
    await appendRecords(f.snap, 'audit', [rec('e1', 0)], MODEL);
    await appendRecords(f.snap, 'audit', [rec('e2', 0)], MODEL);
    const { manifest, version } = await readManifest(f.store);
    manifest.collections.audit?.segments.shift();
    await f.store.putIfMatch('manifest.json', encodeManifest(manifest), version);
    const report = await verifySnapshot(f.snap);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      'the hash chain of audit does not match its segments (records were removed, reordered or altered)',
    ]);
    expect(report.orphans).toBe(1);
  });

  it('detects a stored filter index that does not match the records, checksums intact', async () => {
    await appendRecords(
      f.snap,
      'cloud_estate',
      [rec('a', 0, { state: 'running' }), rec('b', 0, { state: 'stopped' })],
      MODEL,
    );
    // A writer bug, not corruption: the index lists the two values swapped, and the
    // manifest's digests are those of the bad bytes.
    const { manifest, version } = await readManifest(f.store);
    const ref = manifest.collections.cloud_estate?.segments[0];
    if (!ref) throw new Error('no segment');
    const body = Buffer.from((await f.store.get(ref.key))?.body as Uint8Array);
    const at = body.indexOf('["running","stopped"]');
    expect(at).toBeGreaterThan(0);
    body.write('["stopped","running"]', at, 'latin1');
    await f.store.delete(ref.key);
    await f.store.putIfAbsent(ref.key, body);
    Object.assign(ref, { sha256: sha256Hex(body), crc32: crc32(body) });
    await f.store.putIfMatch('manifest.json', encodeManifest(manifest), version);
    const report = await verifySnapshot(f.snap);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      `segment ${ref.key} has a row table or filter index that does not match its records`,
    ]);
  });
});

describe('collectGarbage', () => {
  it('deletes orphans and replaced segments only after the grace period', async () => {
    await appendRecords(f.snap, 'cloud_estate', [rec('a', 0)], MODEL);
    await appendRecords(f.snap, 'cloud_estate', [rec('b', 0)], MODEL);
    await compactCollection(f.snap, 'cloud_estate');
    expect(await collectGarbage(f.snap)).toEqual({ deleted: [], young: 2 });
    const later = { ...f.snap, now: () => new Date(Date.now() + 2 * 3600_000) };
    const result = await collectGarbage(later);
    expect(result.deleted).toHaveLength(2);
    expect((await f.store.list('segments/')).map((o) => o.key)).toEqual(
      (await readManifest(f.store)).manifest.collections.cloud_estate?.segments.map((s) => s.key),
    );
    expect(Object.keys(await live('cloud_estate')).sort()).toEqual(['a', 'b']);
  });
});
