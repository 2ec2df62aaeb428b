import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/errors.js';
import { decodeRows, encodeRows, indexRows } from '../../src/snapshot/payload-block.js';

// Ids and payloads that a bracket-counting pass could trip over: quotes, backslashes and
// brackets inside strings, nested arrays whose first element looks like a row's id,
// non-ASCII text, empty objects and tombstones.
const columns = {
  ids: ['plain', 'quote"in', 'back\\slash\\', '["fake",{}]', 'café ☁', 'tomb', 'empty', 'last'],
  payloads: [
    { state: 'running', tags: { env: 'dev' }, list: [['plain', 1], { a: [] }] },
    { name: 'has "quotes" and \\"escaped\\" ones', n: -1.5e-7 },
    { path: 'C:\\\\dir\\\\', brackets: '[[{{}}]]', deep: { x: { y: { z: [1, [2, [3]]] } } } },
    { row: '],["tomb",null],[' },
    { city: 'Zürich', emoji: '☁️ 𝄞', escaped: '\u0000\u001f\u2028' },
    null,
    {},
    { last: true, nothing: null },
  ],
};
const block = encodeRows(columns);
const index = () => indexRows(block, 'seg-x', 0, columns.ids.length);

describe('payload block', () => {
  it('round-trips rows through the full decode', () => {
    expect(decodeRows(block, 'seg-x', 0, columns.ids.length)).toEqual(columns);
  });

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
