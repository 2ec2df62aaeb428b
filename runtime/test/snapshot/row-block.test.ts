import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/errors.js';
import {
  encodeRowBlock,
  MAX_INDEXED_VALUE,
  type PathPostings,
  readRowBlock,
} from '../../src/snapshot/row-block.js';
import { trickyRows } from './support/tricky-rows.js';

const read = (block: Uint8Array, n: number, name = 'seg-x') => readRowBlock(block, name, 0, block.length, n);

/** value → rows, as the postings of one path list them. */
function byValue(postings: PathPostings | string): Record<string, number[]> {
  if (typeof postings === 'string') throw new Error(`expected postings, got ${postings}`);
  return Object.fromEntries(
    postings.values.map((value, v) => [
      value,
      [...postings.rows.subarray(postings.starts[v] as number, postings.starts[v + 1] as number)],
    ]),
  );
}

describe('row block', () => {
  const block = encodeRowBlock(trickyRows);

  it('round-trips ids, tombstones and payloads, including non-ASCII text', () => {
    const rows = read(block, trickyRows.ids.length);
    expect(rows.ids).toEqual(trickyRows.ids);
    expect(trickyRows.ids.map((_, r) => rows.isTombstone(r))).toEqual(
      trickyRows.payloads.map((p) => p === null),
    );
    expect(trickyRows.ids.map((_, r) => rows.payload(r))).toEqual(trickyRows.payloads);
  });

  it('hands out a fresh object on each call, so no caller mutates another one', () => {
    const rows = read(block, trickyRows.ids.length);
    (rows.payload(0) as { state: string }).state = 'changed';
    expect(rows.payload(0)).toEqual(trickyRows.payloads[0]);
  });

  it('reads the block from inside a larger buffer at any offset, and keeps none of it', () => {
    const padded = Buffer.concat([Buffer.from('VECTORS'), block, Buffer.from('TAIL')]);
    const rows = readRowBlock(padded, 'seg-x', 7, block.length, trickyRows.ids.length);
    padded.fill(0);
    expect(rows.payload(4)).toEqual(trickyRows.payloads[4]);
    expect(byValue(rows.postings(['tags', 'env']))).toEqual({ dev: [0] });
  });

  it('stores postings for scalar leaves and arrays of scalars, as filters match them', () => {
    const rows = read(
      encodeRowBlock({
        ids: ['a', 'b', 'c', 'd', 'e'],
        payloads: [
          { state: 'running', port: 443, tags: { env: 'dev' }, zones: ['a', 'b', 'a'], ok: true },
          { state: 'stopped', port: '443', tags: { env: 'prod', 'app.k8s.io/name': 'web' }, zones: [] },
          null,
          { state: 'running', tags: {}, zones: ['b', { nested: 'object' }], nothing: null },
          { state: 'running', content: { $enc: 'v1:c2VhbGVk' } },
        ],
      }),
      5,
    );
    expect(byValue(rows.postings(['state']))).toEqual({ running: [0, 3, 4], stopped: [1] });
    // Values match as text: 443 and "443" are one value.
    expect(byValue(rows.postings(['port']))).toEqual({ '443': [0, 1] });
    expect(byValue(rows.postings(['zones']))).toEqual({ a: [0], b: [0, 3] });
    expect(byValue(rows.postings(['ok']))).toEqual({ true: [0] });
    expect(byValue(rows.postings(['tags', 'app.k8s.io/name']))).toEqual({ web: [1] });
    // Objects are walked, never matched themselves; nulls match nothing.
    expect(rows.postings(['tags'])).toBe('absent');
    expect(rows.postings(['nothing'])).toBe('absent');
    // A sealed value is neither walked nor matched.
    expect(rows.postings(['content'])).toBe('absent');
    expect(rows.postings(['content', '$enc'])).toBe('absent');
    expect(rows.postings(['missing'])).toBe('absent');
  });

  it('leaves a path holding a value too long to index to the payloads', () => {
    const long = 'x'.repeat(MAX_INDEXED_VALUE + 1);
    const rows = read(
      encodeRowBlock({
        ids: ['a', 'b'],
        payloads: [
          { note: 'short', kind: 'k' },
          { note: long, kind: 'k' },
        ],
      }),
      2,
    );
    expect(rows.postings(['note'])).toBe('unindexed');
    expect(byValue(rows.postings(['kind']))).toEqual({ k: [0, 1] });
  });

  it('refuses a block whose counts or bytes are off, naming the segment', () => {
    expect(() => read(block, 7)).toThrow(/segment seg-x is damaged: row block is \d+ bytes where/);
    expect(() => read(block.subarray(0, block.length - 3), 8)).toThrow(IntegrityError);
    expect(() => read(block.subarray(0, block.length - 3), 8)).toThrow(/row block is \d+ bytes where/);
    expect(() => read(block.subarray(0, 40), 8)).toThrow(/segment seg-x is damaged/);
    const garbled = Buffer.from(block);
    garbled.write('{{{{', 12, 'latin1');
    expect(() => read(garbled, 8, 'seg-y')).toThrow(/segment seg-y is damaged: unreadable id list/);
  });

  it('parses the filter index only when a filter first asks, and names damage there', () => {
    const garbled = Buffer.from(block);
    // The index follows the ids: its first byte sits right after them.
    garbled.write('}', 12 + garbled.readUInt32LE(0), 'latin1');
    const rows = read(garbled, 8, 'seg-z');
    expect(rows.payload(0)).toEqual(trickyRows.payloads[0]);
    expect(() => rows.postings(['state'])).toThrow(/segment seg-z is damaged: unreadable filter index/);
  });
});
