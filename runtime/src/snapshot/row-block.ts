// The row block of a version-2 segment (FORMAT.md): the ids, every payload's JSON text
// behind an offset table, and a stored filter index (for each payload path, its values and
// the rows holding each). A reader gets ids and filters without parsing one payload, and
// parses a payload only when its record is handed out. Pure: columns in, bytes out, and back.

import { isAscii } from 'node:buffer';
import { IntegrityError } from '../errors.js';
import { isSealed, matchKeys } from '../vector/filter.js';

export interface RowColumns {
  ids: string[];
  /** A payload of null marks a tombstone. */
  payloads: (Record<string, unknown> | null)[];
}

/** Rows holding each value of one payload path, ascending within a value. */
export interface PathPostings {
  values: string[];
  /** Value v's rows are rows[starts[v] .. starts[v+1]). */
  starts: Uint32Array;
  rows: Uint32Array;
}

/** A block's rows located but not parsed: every id at once, a payload only when asked for. */
export interface RowIndex {
  ids: string[];
  isTombstone(row: number): boolean;
  /** Parsed afresh on each call, so callers never share (or mutate) one object. */
  payload(row: number): Record<string, unknown> | null;
  /**
   * The stored postings of `path`: 'absent' when no row has a value there, 'unindexed' when
   * the block does not index it (a value too long to index, or a version-1 block), and then
   * only the payloads can answer.
   */
  postings(path: string[]): PathPostings | 'absent' | 'unindexed';
}

/**
 * Values longer than this are not indexed: a path holding one is listed as unindexed and
 * filters on it read the payloads instead. Keeps free text from doubling a segment.
 */
export const MAX_INDEXED_VALUE = 256;

const align4 = (n: number) => (n + 3) & ~3;
const pathKey = (path: string[]) => path.join('\u0000');

/** The filter paths of one payload: every scalar (or array of scalars) reached through plain objects. */
function forEachLeaf(
  value: Record<string, unknown>,
  path: string[],
  visit: (path: string[], value: unknown) => void,
): void {
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, key];
    // Filters never look inside a sealed value ({"$enc": …}): its ciphertext is not a value.
    if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
      if (!isSealed(child)) forEachLeaf(child as Record<string, unknown>, at, visit);
    } else visit(at, child);
  }
}

interface PathBuild {
  path: string[];
  rows: Map<string, number[]>;
  indexable: boolean;
}

function buildPostings(payloads: RowColumns['payloads']): PathBuild[] {
  const paths = new Map<string, PathBuild>();
  payloads.forEach((payload, row) => {
    if (!payload) return;
    forEachLeaf(payload, [], (path, value) => {
      const key = pathKey(path);
      let build = paths.get(key);
      if (!build) {
        build = { path, rows: new Map(), indexable: true };
        paths.set(key, build);
      }
      for (const text of matchKeys(value)) {
        if (text.length > MAX_INDEXED_VALUE) build.indexable = false;
        const rows = build.rows.get(text);
        // An array holding a value twice lists the row once.
        if (!rows) build.rows.set(text, [row]);
        else if (rows[rows.length - 1] !== row) rows.push(row);
      }
    });
  });
  return [...paths.values()];
}

/**
 * Layout: three u32 sizes (ids text, index text, postings words), the ids (UTF-8 JSON array),
 * the index (UTF-8 JSON: indexed paths with their values, unindexed paths), spaces up to a
 * multiple of 4, then u32s (payload offsets, n + 1; per indexed path the value starts,
 * values + 1, then its rows), then the payload texts. The block starts at a multiple of 4
 * in the segment, so the u32s are aligned in it. Ids and index are apart so a reader that
 * only looks records up by id never parses the index.
 */
export function encodeRowBlock(columns: RowColumns): Uint8Array {
  const builds = buildPostings(columns.payloads);
  const indexed = builds.filter((b) => b.indexable && b.rows.size > 0);
  const ids = Buffer.from(JSON.stringify(columns.ids));
  const index = Buffer.from(
    JSON.stringify({
      paths: indexed.map((b) => [b.path, [...b.rows.keys()]]),
      unindexed: builds.filter((b) => !b.indexable).map((b) => b.path),
    }),
  );
  const texts = columns.payloads.map((p) => Buffer.from(JSON.stringify(p)));
  const n = columns.ids.length;
  const u32s: number[] = [0];
  for (const text of texts) u32s.push((u32s[u32s.length - 1] as number) + text.length);
  for (const b of indexed) {
    let start = 0;
    u32s.push(0);
    for (const rows of b.rows.values()) {
      start += rows.length;
      u32s.push(start);
    }
    for (const rows of b.rows.values()) for (const r of rows) u32s.push(r);
  }
  const tableAt = align4(SIZES + ids.length + index.length);
  const textsAt = tableAt + u32s.length * 4;
  const out = Buffer.alloc(textsAt + (u32s[n] as number), 0x20);
  out.writeUInt32LE(ids.length, 0);
  out.writeUInt32LE(index.length, 4);
  out.writeUInt32LE(u32s.length - (n + 1), 8);
  out.set(ids, SIZES);
  out.set(index, SIZES + ids.length);
  new Uint32Array(out.buffer, out.byteOffset + tableAt, u32s.length).set(u32s);
  let at = textsAt;
  for (const text of texts) {
    out.set(text, at);
    at += text.length;
  }
  return out;
}

/** Bytes of the three u32 sizes that open the block. */
const SIZES = 12;

const damaged = (name: string, why: string, cause?: unknown) =>
  new IntegrityError(`segment ${name} is damaged: ${why}`, { cause });

function parseJson(text: string, name: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw damaged(name, `unreadable ${what}`, cause);
  }
}

function readIds(text: string, name: string, n: number): string[] {
  const ids = parseJson(text, name, 'id list');
  if (!Array.isArray(ids) || ids.length !== n || ids.some((id) => typeof id !== 'string'))
    throw damaged(name, `id list does not hold ${n} ids`);
  return ids as string[];
}

interface StoredIndex {
  paths: [string[], string[]][];
  unindexed: string[][];
}

function readIndex(text: string, name: string): StoredIndex {
  const index = parseJson(text, name, 'filter index') as StoredIndex;
  const ok =
    typeof index === 'object' &&
    index !== null &&
    Array.isArray(index.paths) &&
    Array.isArray(index.unindexed) &&
    index.paths.every((p) => Array.isArray(p) && Array.isArray(p[0]) && Array.isArray(p[1]));
  if (!ok) throw damaged(name, 'filter index is not {paths, unindexed}');
  return index;
}

/**
 * The `n` rows of the block `bytes[start, start + length)`, copied out so the caller's buffer
 * (which holds the vectors too) can be released. `name` is how errors refer to the segment.
 * The filter index is parsed on the first call of `postings`.
 */
export function readRowBlock(
  bytes: Uint8Array,
  name: string,
  start: number,
  length: number,
  n: number,
): RowIndex {
  // A fresh array: its own buffer, aligned for the u32 views, and nothing else kept alive.
  const block = Buffer.from(new Uint8Array(length));
  block.set(bytes.subarray(start, start + length));
  if (length < SIZES) throw damaged(name, 'row block is truncated');
  const [idsBytes, indexBytes, postingsWords] = [0, 4, 8].map((at) => block.readUInt32LE(at)) as [
    number,
    number,
    number,
  ];
  const tableAt = align4(SIZES + idsBytes + indexBytes);
  const textsAt = tableAt + (n + 1 + postingsWords) * 4;
  if (textsAt > length) throw damaged(name, 'row block is truncated');
  const offsets = new Uint32Array(block.buffer, block.byteOffset + tableAt, n + 1);
  if (textsAt + (offsets[n] as number) !== length)
    throw damaged(
      name,
      `row block is ${length} bytes where its tables promise ${textsAt + (offsets[n] as number)}`,
    );
  const ids = readIds(block.toString('utf8', SIZES, SIZES + idsBytes), name, n);
  let postings: Map<string, PathPostings> | undefined;
  let unindexed: Set<string> | undefined;
  const openIndex = () => {
    const index = readIndex(block.toString('utf8', SIZES + idsBytes, SIZES + idsBytes + indexBytes), name);
    const found = new Map<string, PathPostings>();
    let at = tableAt + (n + 1) * 4;
    const u32 = (count: number) => {
      if (at + count * 4 > textsAt) throw damaged(name, 'filter index runs past its postings');
      const view = new Uint32Array(block.buffer, block.byteOffset + at, count);
      at += count * 4;
      return view;
    };
    for (const [path, values] of index.paths) {
      const starts = u32(values.length + 1);
      found.set(pathKey(path), { values, starts, rows: u32(starts[values.length] as number) });
    }
    if (at !== textsAt) throw damaged(name, 'filter index does not cover its postings');
    unindexed = new Set(index.unindexed.map(pathKey));
    postings = found;
    return found;
  };
  const encoding = isAscii(block.subarray(textsAt)) ? 'latin1' : 'utf8';
  const text = (r: number) =>
    block.toString(encoding, textsAt + (offsets[r] as number), textsAt + (offsets[r + 1] as number));
  const NULL = 0x6c6c756e; // "null" read as a little-endian u32
  return {
    ids,
    isTombstone: (r) =>
      (offsets[r + 1] as number) - (offsets[r] as number) === 4 &&
      block.readUInt32LE(textsAt + (offsets[r] as number)) === NULL,
    payload(r) {
      try {
        return JSON.parse(text(r)) as Record<string, unknown> | null;
      } catch (cause) {
        throw damaged(name, `unreadable payload of record ${JSON.stringify(ids[r])}`, cause);
      }
    },
    postings(path) {
      const key = pathKey(path);
      const stored = (postings ?? openIndex()).get(key);
      return stored ?? (unindexed?.has(key) ? 'unindexed' : 'absent');
    },
  };
}
