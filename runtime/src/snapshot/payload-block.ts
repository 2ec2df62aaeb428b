// The payload block of a version-1 segment: a JSON array of [id, payload] rows, payload null
// for a tombstone (FORMAT.md). Read only: writers write version 2 (row-block.ts), but
// segments written before stay readable. Pure: bytes in, columns out.

import { isAscii } from 'node:buffer';
import { IntegrityError } from '../errors.js';
import type { RowIndex } from './row-block.js';

const damaged = (name: string, why: string, cause?: unknown) =>
  new IntegrityError(`segment ${name} is damaged: ${why}`, { cause });

/**
 * The block from `start` to the end of `bytes` as text. ASCII (the usual case) is read as
 * latin1, a plain copy, instead of being UTF-8 decoded.
 */
function blockText(bytes: Uint8Array, start: number): string {
  const block = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(start);
  return block.toString(isAscii(block) ? 'latin1' : 'utf8');
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isOpen = (c: number) => c === 0x5b || c === 0x7b; // [ {
const isClose = (c: number) => c === 0x5d || c === 0x7d; // ] }

/**
 * Indexes the `n` rows of the block starting at `start` without parsing the payloads: one
 * pass over the text that skips strings and counts brackets. A reader that looks up a few
 * records by id (the runner in a 10,000-resource estate) then pays for those records only,
 * not for building every payload object (about three times the cost of the pass).
 */
export function indexRows(bytes: Uint8Array, name: string, start: number, n: number): RowIndex {
  const text = blockText(bytes, start);
  const ids: string[] = new Array(n);
  // Each row is ["id",payload]: the payload's text runs from after the id's comma to before the ].
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  let depth = 0;
  let row = -1;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) throw damaged(name, 'unterminated string in the payload block');
      if (depth === 2 && from[row] === 0) {
        const raw = text.slice(i + 1, end);
        ids[row] = raw.includes('\\') ? JSON.parse(text.slice(i, end + 1)) : raw;
        from[row] = end + 2;
      }
      i = end + 1;
      continue;
    }
    if (isOpen(c)) {
      depth++;
      if (depth === 2 && ++row >= n) throw damaged(name, `payload block holds more than ${n} records`);
    } else if (isClose(c)) {
      if (depth === 2) to[row] = i;
      depth--;
    }
    i++;
  }
  if (row !== n - 1 || depth !== 0) throw damaged(name, `payload block does not hold ${n} records`);
  const slice = (r: number) => text.slice(from[r], to[r]);
  return {
    ids,
    isTombstone: (r) => slice(r) === 'null',
    payload(r) {
      try {
        return JSON.parse(slice(r)) as Record<string, unknown> | null;
      } catch (cause) {
        throw damaged(name, `unreadable payload of record ${JSON.stringify(ids[r])}`, cause);
      }
    },
    // A version-1 block stores no filter index: filters read its payloads.
    postings: () => 'unindexed',
  };
}

/** Index of the quote closing the string opened at `open` (one not escaped), or -1. */
function closingQuote(text: string, open: number): number {
  let at = open;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}
