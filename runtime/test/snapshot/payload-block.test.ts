import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/errors.js';
import { indexRows } from '../../src/snapshot/payload-block.js';
import { trickyRows } from './support/tricky-rows.js';

const columns = trickyRows;
/** A version-1 payload block, as writers before the row block wrote it. */
const block = Buffer.from(JSON.stringify(columns.ids.map((id, i) => [id, columns.payloads[i]])));
const index = () => indexRows(block, 'seg-x', 0, columns.ids.length);

describe('version-1 payload block', () => {
  it('indexes every id, finds tombstones and parses each payload alike', () => {
    const rows = index();
    expect(rows.ids).toEqual(columns.ids);
    expect(columns.ids.map((_, r) => rows.isTombstone(r))).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(columns.ids.map((_, r) => rows.payload(r))).toEqual(columns.payloads);
    // It stores no filter index, so filters read its payloads.
    expect(rows.postings(['state'])).toBe('unindexed');
  });

  it('hands out a fresh object on each call, so no caller mutates another one', () => {
    const rows = index();
    const first = rows.payload(0) as { state: string };
    first.state = 'changed';
    expect(rows.payload(0)).toEqual(columns.payloads[0]);
  });

  it('reads the block from an offset inside a larger buffer', () => {
    const padded = Buffer.concat([Buffer.from('HEADERBYTES'), block]);
    expect(indexRows(padded, 'seg-x', 11, columns.ids.length).payload(2)).toEqual(columns.payloads[2]);
  });

  it('refuses a block whose row count or text is off, naming the segment', () => {
    expect(() => indexRows(block, 'seg-x', 0, 7)).toThrow(
      /segment seg-x is damaged: payload block holds more than 7/,
    );
    expect(() => indexRows(block, 'seg-x', 0, 9)).toThrow(
      /segment seg-x is damaged: payload block does not hold 9/,
    );
    const cut = block.subarray(0, block.length - 30);
    expect(() => indexRows(cut, 'seg-x', 0, 8)).toThrow(IntegrityError);
    const open = Buffer.from('[["a",{"s":"unterminated}]]');
    expect(() => indexRows(open, 'seg-y', 0, 1)).toThrow(/segment seg-y is damaged: unterminated string/);
  });
});
