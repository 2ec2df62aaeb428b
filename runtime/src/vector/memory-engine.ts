// The default in-process engine: vectors in one growing arena (f32, or the halves themselves
// for f16 snapshots; inside a WebAssembly memory, so similarity runs as SIMD) with precomputed
// inverse norms, exact top-k (brute force, or pruned by an i8 sketch on repeated scans of a
// large collection) and lazily built per-path inverted indexes for filters. Rows adopted
// from a snapshot keep their payloads unparsed until handed out, and their indexes come
// from the postings the segments store. Replaced records leave dead slots
// behind; a runner process is short-lived, so reclaiming them is not worth the bookkeeping.

import { InputError } from '../errors.js';
import { type FilterTerm, matchKeys, type PayloadFilter, valueAt } from './filter.js';
import { HalfArena } from './half-dot.js';
import { I8Sketch } from './i8-sketch.js';
import { VectorArena } from './simd-dot.js';
import { inverseNorms, inverseNormsOfSquares, TopK } from './top-k.js';
import type { Hit, Payload, VectorQuery, VectorRecord, VectorStore } from './vector-store.js';

/** Columns as the snapshot loader produces them; a null payload is a tombstone. */
export interface Columns {
  ids: string[];
  payloads: (Payload | null)[];
  vectors: Float32Array;
}

/** Where the engine keeps its vectors: f32 (VectorArena) or f16 halves (HalfArena). */
export type Arena = VectorArena | HalfArena;

/** Rows the engine adopts as storage hands them over, parsing nothing up front. */
export interface StoredRows {
  ids: string[];
  isTombstone(row: number): boolean;
  /** Row `row`'s payload, null for a tombstone; a fresh object on each call. */
  payload(row: number): Payload | null;
  /** Every row holding each value of `path` (as matchKeys writes it), ascending, live or not. */
  index(path: string[]): Map<string, number[]>;
}

/** Rows over payloads already in memory. */
export function rowsOf(columns: Pick<Columns, 'ids' | 'payloads'>): StoredRows {
  const { ids, payloads } = columns;
  return {
    ids,
    isTombstone: (row) => (payloads[row] ?? null) === null,
    payload: (row) => payloads[row] ?? null,
    index(path) {
      const index = new Map<string, number[]>();
      payloads.forEach((payload, row) => {
        if (payload) for (const key of matchKeys(valueAt(payload, path))) appendSlot(index, key, row);
      });
      return index;
    },
  };
}

/** Adds `slot` to `key`'s list (slots arrive ascending; an array holding a value twice lists it once). */
function appendSlot(index: Map<string, number[]>, key: string, slot: number): void {
  const slots = index.get(key);
  if (!slots) index.set(key, [slot]);
  else if (slots[slots.length - 1] !== slot) slots.push(slot);
}

const NONE: number[] = [];

/**
 * Full scans of at least this many rows go through the i8 sketch (i8-sketch.ts) from the
 * second one on: building it costs about two scans, so a process that asks once never pays.
 */
export const SKETCH_MIN_ROWS = 4096;

export class MemoryVectorStore implements VectorStore {
  readonly engine = 'memory';
  private readonly arena: Arena;
  private norms: Float32Array;
  private ids: string[] = [];
  /** Payloads of the slots written by upsert; adopted slots read theirs from `stored`. */
  private payloads: Payload[] = [];
  private stored: StoredRows | undefined;
  private storedRows = 0;
  private alive: Uint8Array;
  private size = 0;
  private readonly slotOf = new Map<string, number>();
  private readonly indexes = new Map<string, Map<string, number[]>>();
  private sketch: I8Sketch | undefined;
  private fullScans = 0;

  constructor(
    readonly dims: number,
    capacity = 1024,
    arena?: Arena,
  ) {
    this.arena = arena ?? new VectorArena(dims, capacity);
    this.norms = new Float32Array(capacity);
    this.alive = new Uint8Array(capacity);
  }

  /** How the vectors are held: 'f16' halves or 'f32' floats. */
  get encoding(): 'f16' | 'f32' {
    return this.arena.encoding;
  }

  /** Room for `rows` vectors that loaders fill in place and hand to fromColumns. */
  static arena(dims: number, rows: number): VectorArena {
    return new VectorArena(dims, rows);
  }

  /** Room for `rows` f16 vectors that loaders copy segment halves into. */
  static halfArena(dims: number, rows: number): HalfArena {
    return new HalfArena(dims, rows);
  }

  /**
   * Adopts columns (later rows supersede earlier ones with the same id). Vectors already
   * in `arena` (as the snapshot loader writes them) are not copied.
   */
  static fromColumns(
    dims: number,
    columns: Pick<Columns, 'ids' | 'payloads'> & { vectors?: Float32Array },
    arena?: Arena,
  ): MemoryVectorStore {
    let own = arena;
    if (!own) {
      const rows = columns.ids.length;
      if (!columns.vectors) throw new Error('fromColumns needs the vectors or an arena holding them');
      own = new VectorArena(dims, rows);
      own.vectors.set(columns.vectors.subarray(0, rows * dims));
    }
    return MemoryVectorStore.fromRows(dims, rowsOf(columns), own);
  }

  /** Adopts stored rows whose vectors `arena` already holds, row for row. */
  static fromRows(dims: number, rows: StoredRows, arena: Arena): MemoryVectorStore {
    const n = rows.ids.length;
    const store = new MemoryVectorStore(dims, 0, arena);
    const squares = arena.squaredNorms(n);
    store.norms = squares ? inverseNormsOfSquares(squares) : store.normsByRow(n);
    store.alive = new Uint8Array(n);
    store.ids = rows.ids;
    store.size = n;
    store.stored = rows;
    store.storedRows = n;
    for (let slot = 0; slot < n; slot++) {
      const id = rows.ids[slot] as string;
      const previous = store.slotOf.get(id);
      if (previous !== undefined) store.alive[previous] = 0;
      if (rows.isTombstone(slot)) {
        store.slotOf.delete(id);
      } else {
        store.slotOf.set(id, slot);
        store.alive[slot] = 1;
      }
    }
    return store;
  }

  private payloadAt(slot: number): Payload {
    return (slot < this.storedRows ? this.stored?.payload(slot) : this.payloads[slot]) ?? {};
  }

  /** Inverse norms row by row, where the arena has no SIMD kernel. */
  private normsByRow(rows: number): Float32Array {
    const out = new Float32Array(rows);
    for (let slot = 0; slot < rows; slot++)
      inverseNorms(this.arena.row(slot), 1, this.dims, out.subarray(slot));
    return out;
  }

  private grow(min: number): void {
    if (min <= this.alive.length) return;
    const capacity = Math.max(min, this.alive.length * 2, 1024);
    this.arena.ensure(capacity);
    const norms = new Float32Array(capacity);
    norms.set(this.norms.subarray(0, this.size));
    const alive = new Uint8Array(capacity);
    alive.set(this.alive.subarray(0, this.size));
    this.norms = norms;
    this.alive = alive;
  }

  async upsert(records: VectorRecord[]): Promise<void> {
    for (const r of records) {
      if (r.vector.length !== this.dims) {
        throw new InputError(
          `record "${r.id}" has a ${r.vector.length}-d vector; this store holds ${this.dims}-d`,
        );
      }
    }
    this.grow(this.size + records.length);
    for (const record of records) {
      const slot = this.size++;
      this.arena.write(slot, record.vector);
      // The norm of what the arena holds (an f16 arena rounds the vector).
      inverseNorms(this.arena.row(slot), 1, this.dims, this.norms.subarray(slot));
      this.ids[slot] = record.id;
      this.payloads[slot] = record.payload;
      const previous = this.slotOf.get(record.id);
      if (previous !== undefined) this.alive[previous] = 0;
      this.slotOf.set(record.id, slot);
      this.alive[slot] = 1;
      for (const [key, index] of this.indexes) this.addToIndex(index, key.split('\u0000'), slot);
    }
  }

  async delete(ids: string[]): Promise<void> {
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.alive[slot] = 0;
      this.slotOf.delete(id);
    }
  }

  async get(id: string): Promise<VectorRecord | undefined> {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.recordAt(slot);
  }

  private recordAt(slot: number): VectorRecord {
    return { id: this.ids[slot] as string, vector: this.arena.row(slot), payload: this.payloadAt(slot) };
  }

  private addToIndex(index: Map<string, number[]>, path: string[], slot: number): void {
    for (const key of matchKeys(valueAt(this.payloadAt(slot), path))) appendSlot(index, key, slot);
  }

  /** `term.path`'s index: adopted rows' from storage, upserted rows' from their payloads. */
  private indexFor(term: FilterTerm): Map<string, number[]> {
    const key = term.path.join('\u0000');
    let index = this.indexes.get(key);
    if (!index) {
      index = this.stored?.index(term.path) ?? new Map<string, number[]>();
      for (let slot = this.storedRows; slot < this.size; slot++)
        if (this.alive[slot]) this.addToIndex(index, term.path, slot);
      this.indexes.set(key, index);
    }
    return index;
  }

  /** Calls `visit` for every live slot matching the filter, in slot order. */
  private forEachMatch(
    filter: PayloadFilter | undefined,
    visit: (slot: number) => boolean | undefined,
  ): void {
    if (!filter || filter.must.length === 0) {
      for (let slot = 0; slot < this.size; slot++) if (this.alive[slot] && visit(slot) === false) return;
      return;
    }
    // Drive from the most selective term's slots; the others are walked alongside (every
    // list is ascending), so no payload is read to check a term.
    const [drive = NONE, ...others] = filter.must
      .map((term) => this.indexFor(term).get(term.value) ?? NONE)
      .sort((a, b) => a.length - b.length);
    const at = others.map(() => 0);
    next: for (const slot of drive) {
      if (!this.alive[slot]) continue;
      for (let t = 0; t < others.length; t++) {
        const list = others[t] as number[];
        let i = at[t] as number;
        while (i < list.length && (list[i] as number) < slot) i++;
        at[t] = i;
        if (list[i] !== slot) continue next;
      }
      if (visit(slot) === false) return;
    }
  }

  async query(query: VectorQuery): Promise<Hit[]> {
    const limit = query.limit ?? 10;
    const hit = (slot: number, score: number | null): Hit => ({
      id: this.ids[slot] as string,
      score,
      payload: this.payloadAt(slot),
    });
    if (!query.vector) {
      const hits: Hit[] = [];
      this.forEachMatch(query.filter, (slot) => hits.push(hit(slot, null)) < limit);
      return hits;
    }
    const q = query.vector;
    if (q.length !== this.dims) {
      throw new InputError(`query vector has ${q.length} dimensions; this collection holds ${this.dims}`);
    }
    const qInv = inverseNorms(q, 1, this.dims)[0] as number;
    const top = new TopK(limit);
    const { arena, norms } = this;
    const exact = (slot: number) => top.offer(slot, arena.dotRow(slot, q) * (norms[slot] as number) * qInv);
    const unfiltered = !query.filter || query.filter.must.length === 0;
    const matches = unfiltered ? null : this.matchingSlots(query.filter);
    const shortlist =
      // A few candidates are scored one by one; more take a scan of every row, pruned by
      // the sketch where it pays, or else SIMD dot products with every row.
      matches && matches.length * 8 <= this.size ? matches : this.sketchShortlist(q, qInv, limit, matches);
    if (shortlist) {
      for (const slot of shortlist) exact(slot);
    } else {
      const dots = arena.dotAll(q, this.size);
      if (!dots) for (const slot of matches ?? this.matchingSlots(undefined)) exact(slot);
      else if (!matches) this.offerAll(top, dots, qInv);
      else
        for (const slot of matches) top.offer(slot, (dots[slot] as number) * (norms[slot] as number) * qInv);
    }
    return top.items.map((s) => hit(s.slot, s.score));
  }

  /** Every live slot matching `filter` (every live slot without one), ascending. */
  private matchingSlots(filter: PayloadFilter | undefined): number[] {
    const slots: number[] = [];
    this.forEachMatch(filter, (slot) => {
      slots.push(slot);
      return true;
    });
    return slots;
  }

  /** The sketch's shortlist for a full scan (of `matches`, or of every live row), if it pays. */
  private sketchShortlist(
    q: Float32Array,
    qInv: number,
    limit: number,
    matches: number[] | null,
  ): number[] | undefined {
    if (this.size < SKETCH_MIN_ROWS || ++this.fullScans < 2) return undefined;
    this.sketch ??= I8Sketch.of(this.arena);
    const live = { alive: this.alive, size: this.size, slots: matches };
    return this.sketch?.shortlist(q, qInv, limit, this.norms, live);
  }

  /**
   * Offers every live row's score, straight off the dot products: no candidate list, and
   * once k rows are held a row only reaches TopK when it beats the k-th best (most rows of
   * a 100,000-row scan stop at one comparison).
   */
  private offerAll(top: TopK, dots: Float32Array, qInv: number): void {
    const { norms, alive, size } = this;
    let threshold = Number.NEGATIVE_INFINITY;
    for (let slot = 0; slot < size; slot++) {
      if (alive[slot] === 0) continue;
      const score = (dots[slot] as number) * (norms[slot] as number) * qInv;
      if (score <= threshold) continue;
      top.offer(slot, score);
      threshold = top.threshold;
    }
  }

  async count(filter?: PayloadFilter): Promise<number> {
    if (!filter || filter.must.length === 0) return this.slotOf.size;
    let n = 0;
    this.forEachMatch(filter, () => {
      n++;
      return true;
    });
    return n;
  }

  async *records(): AsyncIterable<VectorRecord> {
    for (const slot of this.slotOf.values()) yield this.recordAt(slot);
  }

  async close(): Promise<void> {}
}
