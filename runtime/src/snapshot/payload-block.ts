// The payload block of a segment: a JSON array of [id, payload] rows, payload null for a
// tombstone (FORMAT.md). Pure: columns in, bytes out, and back.

import { isAscii } from 'node:buffer';
import { IntegrityError } from '../errors.js';

export interface RowColumns {
  ids: string[];
  /** A payload of null marks a tombstone. */
  payloads: (Record<string, unknown> | null)[];
}

export function encodeRows(columns: RowColumns): Uint8Array {
  return Buffer.from(JSON.stringify(columns.ids.map((id, i) => [id, columns.payloads[i]])));
}

/**
 * The `n` rows of the block at [start, end) of `bytes`; `name` is how errors refer to the
 * segment. ASCII text (the usual case: JSON.stringify escapes nothing, but ids and payloads
 * are mostly ASCII) is read as latin1, a plain copy, instead of being UTF-8 decoded.
 */
export function decodeRows(bytes: Uint8Array, name: string, start: number, n: number): RowColumns {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let rows: unknown;
  try {
    const block = buf.subarray(start);
    rows = JSON.parse(block.toString(isAscii(block) ? 'latin1' : 'utf8'));
  } catch (cause) {
    throw new IntegrityError(`segment ${name} is damaged: unreadable payload block`, { cause });
  }
  if (!Array.isArray(rows) || rows.length !== n) {
    throw new IntegrityError(`segment ${name} is damaged: payload block does not hold ${n} records`);
  }
  const ids: string[] = new Array(n);
  const payloads: (Record<string, unknown> | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as [string, Record<string, unknown> | null];
    ids[i] = row[0];
    payloads[i] = row[1];
  }
  return { ids, payloads };
}
