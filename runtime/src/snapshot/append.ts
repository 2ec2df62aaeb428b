// Appending records: validate, embed what has no vector, seal sensitive fields, write one
// immutable segment (create-only), then commit its reference by compare-and-swap. A writer
// that loses the race re-applies its reference on the winner's manifest; nothing it writes
// can replace another writer's records.

import {
  type CollectionName,
  CollectionNameSchema,
  collectionKind,
  type Manifest,
  type SegmentRef,
  type SnapshotRecord,
  SnapshotRecordSchema,
} from '@escher/shared';
import type { Embedder } from '../embed/embedder.js';
import { embeddingText } from '../embed/open-embedder.js';
import { InputError } from '../errors.js';
import { sealPayload } from './field-crypto.js';
import { type ManifestVersion, readManifest } from './manifest-store.js';
import { decodeSegment } from './segment-codec.js';
import { extendChain, readSegment } from './segment-io.js';
import { commitNewSegment, writeNewSegment } from './segment-writer.js';
import type { Snapshot } from './snapshot.js';

export interface AppendOptions {
  /** Computes missing vectors; its modelId is recorded for the collection. */
  embedder?: Embedder;
  /** The model that made explicit vectors, when no embedder is given. */
  model?: string;
  /**
   * Runs against every manifest the append is checked or committed on, before the
   * append-only id check; throwing aborts the append with nothing committed. Callers use it
   * for compare-and-swap on single records (see runner/snapshot-state.ts).
   */
  guard?: (current: Manifest) => Promise<void>;
  /** Known ids per committed segment key, shared across appends (segments never change). */
  idCache?: Map<string, KnownIds>;
  /** The manifest the caller decided on, when it has one: saves reading it again. */
  read?: ManifestVersion;
}

export interface AppendResult {
  ids: string[];
  segment: string | undefined;
}

export function parseCollection(name: string): CollectionName {
  const parsed = CollectionNameSchema.safeParse(name);
  if (!parsed.success) {
    throw new InputError(`unknown collection "${name}"`, {
      hint: `use one of ${CollectionNameSchema.options.join(', ')}`,
    });
  }
  return parsed.data;
}

function checkBatch(records: SnapshotRecord[]): void {
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const parsed = SnapshotRecordSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `record ${i + 1} is invalid at ${issue?.path.join('.') || 'top level'}: ${issue?.message}`,
      );
    }
    if (seen.has(record.id)) throw new InputError(`record id "${record.id}" appears twice in one append`);
    seen.add(record.id);
  });
}

async function vectorsFor(records: SnapshotRecord[], options: AppendOptions) {
  const missing = records.filter((r) => !r.vector);
  if (missing.length > 0 && !options.embedder) {
    throw new InputError(`record "${missing[0]?.id}" has no vector and no embedder is configured`);
  }
  const embedded =
    missing.length > 0
      ? await (options.embedder as Embedder).embed(missing.map((r) => embeddingText(r.payload)))
      : [];
  const model = options.embedder?.modelId ?? options.model;
  if (!model) throw new InputError('explicit vectors need the name of the model that made them');
  let next = 0;
  const vectors = records.map((r) =>
    r.vector ? Float32Array.from(r.vector) : (embedded[next++] as Float32Array),
  );
  const dims = vectors[0]?.length ?? 0;
  const odd = records.find((_, i) => vectors[i]?.length !== dims);
  if (odd)
    throw new InputError(
      `record "${odd.id}" has a ${vectors[records.indexOf(odd)]?.length}-d vector; the batch is ${dims}-d`,
    );
  return { vectors, model, dims };
}

export function checkEmbedding(
  manifest: Manifest,
  collection: CollectionName,
  model: string,
  dims: number,
): void {
  const existing = manifest.collections[collection]?.embedding;
  if (existing && (existing.model !== model || existing.dims !== dims)) {
    throw new InputError(
      `${collection} holds ${existing.dims}-d vectors of model ${existing.model}; these are ${dims}-d vectors of ${model}`,
      { hint: 'vectors of different models are never mixed: use the embedder the collection was built with' },
    );
  }
}

/** Ids of committed append-only records, and which of them expired, per immutable segment. */
export type KnownIds = { ids: string[]; expired: Set<string> };

async function assertNewIds(
  snap: Snapshot,
  refs: SegmentRef[],
  ids: Set<string>,
  cache: Map<string, KnownIds>,
) {
  for (const ref of refs) {
    let known = cache.get(ref.key);
    if (!known) {
      const seg = decodeSegment(await readSegment(snap.store, ref, true), ref.key);
      // An expiry segment's tombstones keep expired ids known, so they are never reused.
      known = { ids: seg.ids, expired: new Set(seg.ids.filter((_, i) => seg.payloads[i] === null)) };
      cache.set(ref.key, known);
    }
    const clash = known.ids.find((id) => ids.has(id));
    if (clash && known.expired.has(clash))
      throw new InputError(`record "${clash}" expired under retention and its id cannot be used again`, {
        hint: 'give the new record another id',
      });
    if (clash)
      throw new InputError(
        `record "${clash}" exists already and records in this collection cannot be changed`,
      );
  }
}

export async function appendRecords(
  snap: Snapshot,
  collectionName: string,
  records: SnapshotRecord[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  const collection = parseCollection(collectionName);
  if (records.length === 0) return { ids: [], segment: undefined };
  checkBatch(records);
  const { vectors, model, dims } = await vectorsFor(records, options);
  const read = options.read ?? (await readManifest(snap.store));
  const { manifest } = read;
  checkEmbedding(manifest, collection, model, dims);
  const appendOnly = collectionKind(collection) === 'append-only';
  const ids = records.map((r) => r.id);
  const idSet = new Set(ids);
  const cache = options.idCache ?? new Map<string, KnownIds>();
  await options.guard?.(manifest);
  if (appendOnly) await assertNewIds(snap, manifest.collections[collection]?.segments ?? [], idSet, cache);

  const flat = new Float32Array(records.length * dims);
  vectors.forEach((v, i) => {
    flat.set(v, i * dims);
  });
  const payloads = records.map((r) => sealPayload(snap.key, collection, r.id, r.payload));
  return commitSegment(
    snap,
    collection,
    { ids, payloads, vectors: flat },
    { model, dims, mergedFrom: [] },
    async (current) => {
      checkEmbedding(current, collection, model, dims);
      await options.guard?.(current);
      if (appendOnly) await assertNewIds(snap, current.collections[collection]?.segments ?? [], idSet, cache);
    },
    read,
  );
}

/**
 * Writes one segment and commits its reference at the end of the collection's list.
 * `recheck` runs against every manifest the commit is attempted on; `read` is a manifest the
 * caller read already (tried first, saving a read).
 */
export async function commitSegment(
  snap: Snapshot,
  collection: CollectionName,
  columns: { ids: string[]; payloads: (Record<string, unknown> | null)[]; vectors: Float32Array },
  meta: { model: string; dims: number; mergedFrom: string[] },
  recheck: (current: Manifest) => Promise<void>,
  read?: ManifestVersion,
): Promise<AppendResult> {
  const { manifest } = read ?? (await readManifest(snap.store));
  const ref = await writeNewSegment(snap, collection, columns, {
    ...meta,
    vectorEncoding: manifest.vectorEncoding,
  });
  const { key } = ref;
  await commitNewSegment(
    snap,
    key,
    async (current) => {
      await recheck(current);
      const state = current.collections[collection] ?? { segments: [] };
      state.embedding ??= { model: meta.model, dims: meta.dims };
      state.segments.push({ ...ref, committedAt: snap.now().toISOString() });
      if (collectionKind(collection) === 'append-only')
        state.chainHead = extendChain(state.chainHead, ref.sha256);
      current.collections[collection] = state;
      return current;
    },
    { what: 'segment', hint: 'retry the append' },
    read,
  );
  return { ids: columns.ids, segment: key };
}
