// RunnerState on the vector snapshot. The user's records (estate, alerts, operations,
// audit, reports, playbooks) live in the snapshot's collections, the one copy the laptop
// and every runner share; the runner's coordination objects (inbox, lease, checkpoints,
// completion markers, dead letters) stay small objects beside it (object-state.ts).
//
// Reads go through a per-collection view: the live records of the committed segments,
// refreshed from the manifest on every read and extended by the new segments only.
// Writes are segments committed by compare-and-swap on the manifest. A create-only or
// read-modify-write write carries a guard: if a segment committed after the view was read
// holds one of its ids, nothing is committed and the write is decided again on a fresh
// view, so no writer ever replaces a record it has not seen.

import {
  type CollectionName,
  collectionKind,
  type Manifest,
  type SegmentRef,
  type SnapshotRecord,
} from '@escher/shared';
import type { Embedder } from '../embed/embedder.js';
import { HASH_MODEL_ID, HashEmbedder } from '../embed/hash-embedder.js';
import { ConfigError } from '../errors.js';
import { mapLimited } from '../jobs/limit.js';
import type { RunnerState } from '../pipeline/state.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { appendRecords, type KnownIds } from '../snapshot/append.js';
import { openPayload, type StateKey } from '../snapshot/field-crypto.js';
import { type ManifestVersion, NoSnapshotError, readManifest } from '../snapshot/manifest-store.js';
import type { RowIndex } from '../snapshot/row-block.js';
import { indexSegmentRows } from '../snapshot/segment-codec.js';
import { readSegment } from '../snapshot/segment-io.js';
import { initSnapshot, openSnapshot, type Snapshot } from '../snapshot/snapshot.js';
import type { ObjectStore } from '../storage/object-store.js';
import { objectCoordination } from './object-state.js';

const PARALLEL_READS = 4;

export interface SnapshotStateOptions {
  /** Holds the snapshot's data key (escher/state/data-key). */
  keySecrets: SecretStore;
  /** Makes vectors for collections that have none yet, or whose model it is. */
  embedder: () => Promise<Embedder>;
}

interface View {
  /** Segment keys the view holds, in manifest order. */
  keys: string[];
  /** Where each live record's row is; its payload is parsed only when it is handed out. */
  records: Map<string, { rows: RowIndex; row: number }>;
  key?: StateKey;
  /** The manifest the view was refreshed from; writes decided on the view commit against it first. */
  read?: ManifestVersion;
}

/** A record as callers see it: parsed, sealed fields opened. */
const openedRecord = (view: View, c: CollectionName, id: string): Record<string, unknown> | undefined => {
  const at = view.records.get(id);
  const payload = at?.rows.payload(at.row) ?? undefined;
  return payload && view.key ? openPayload(view.key, c, id, payload) : payload;
};

/** A segment committed after the writer's view holds an id it writes: decide again. */
class RecordChangedError extends Error {}

export function snapshotRunnerState(store: ObjectStore, o: SnapshotStateOptions): RunnerState {
  let opened: Promise<Snapshot> | undefined;
  /** The snapshot; created (with its key) by the first write to a store that has none. */
  const snapshot = (create: boolean) => {
    opened ??= (create ? openOrInit(store, o.keySecrets) : openSnapshot(store, o.keySecrets)).catch(
      (err: unknown) => {
        opened = undefined;
        throw err;
      },
    );
    return opened;
  };
  const rows = new Map<string, Promise<RowIndex>>();
  const idCache = new Map<string, KnownIds>();
  const views = new Map<CollectionName, View>();
  const refreshing = new Map<CollectionName, Promise<View>>();

  /** A committed segment's rows (payloads still sealed); segments never change. */
  const segmentRows = (ref: SegmentRef): Promise<RowIndex> => {
    let found = rows.get(ref.key);
    if (!found) {
      // Lookups by id need neither the vectors nor the payloads of the records not looked up.
      found = readSegment(store, ref).then((bytes) => indexSegmentRows(bytes, ref.key));
      found.catch(() => rows.delete(ref.key));
      rows.set(ref.key, found);
    }
    return found;
  };

  async function refresh(c: CollectionName): Promise<View> {
    const read = await readManifest(store).catch((err: unknown) => {
      // Reads of a store no one has written yet see empty collections; only a write creates it.
      if (err instanceof NoSnapshotError) return undefined;
      throw err;
    });
    const refs = read?.manifest.collections[c]?.segments ?? [];
    if (refs.length === 0) return { keys: [], records: new Map(), ...(read ? { read } : {}) };
    const snap = await snapshot(false);
    const old = views.get(c);
    // Commits only ever add segments at the end; anything else (compaction) is read afresh.
    const view: View = old?.keys.every((k, i) => refs[i]?.key === k) ? old : { keys: [], records: new Map() };
    const fresh = refs.slice(view.keys.length);
    view.key = snap.key;
    const segments = await mapLimited(fresh, PARALLEL_READS, segmentRows);
    segments.forEach((r, s) => {
      r.ids.forEach((id, row) => {
        if (r.isTombstone(row)) view.records.delete(id);
        else view.records.set(id, { rows: r, row });
      });
      view.keys.push((fresh[s] as SegmentRef).key);
    });
    view.read = read;
    views.set(c, view);
    return view;
  }

  /** Concurrent reads of one collection share one refresh. */
  function current(c: CollectionName): Promise<View> {
    let pending = refreshing.get(c);
    if (!pending) {
      pending = refresh(c).finally(() => refreshing.delete(c));
      refreshing.set(c, pending);
    }
    return pending;
  }

  /** Refuses a commit when a segment outside `seen` holds one of `ids`. */
  const guard = (c: CollectionName, seen: Set<string>, ids: Set<string>) => async (m: Manifest) => {
    const unseen = (m.collections[c]?.segments ?? []).filter((ref) => !seen.has(ref.key));
    for (const r of await mapLimited(unseen, PARALLEL_READS, segmentRows)) {
      if (r.ids.some((id) => ids.has(id))) throw new RecordChangedError();
    }
  };

  async function embedderFor(c: CollectionName, read: ManifestVersion | undefined): Promise<Embedder> {
    const { manifest } = read ?? (await readManifest(store));
    const made = manifest.collections[c]?.embedding;
    if (made?.model.startsWith(HASH_MODEL_ID)) return new HashEmbedder(made.dims);
    const embedder = await o.embedder();
    if (made && made.model !== embedder.modelId) {
      throw new ConfigError(
        `${c} holds vectors of model ${made.model}; this runner embeds with ${embedder.modelId}`,
        { hint: 'give the runner the same model as the laptop (ESCHER_EMBED_MODEL)' },
      );
    }
    return embedder;
  }

  /**
   * Decides what to write from a fresh view and commits it, guarded on `ids`; a lost race
   * decides again. Returns what was committed.
   */
  async function write(
    c: CollectionName,
    ids: string[],
    decide: (view: View) => SnapshotRecord[],
  ): Promise<SnapshotRecord[]> {
    const snap = await snapshot(true);
    let view = await current(c);
    const embedder = await embedderFor(c, view.read);
    for (;;) {
      // Decided and pinned at once: a concurrent refresh may extend this view meanwhile.
      const records = decide(view);
      const seen = new Set(view.keys);
      const read = view.read;
      if (records.length === 0) return [];
      try {
        await appendRecords(snap, c, records, {
          embedder,
          idCache,
          guard: guard(c, seen, new Set(ids)),
          ...(read ? { read } : {}),
        });
        return records;
      } catch (err) {
        if (!(err instanceof RecordChangedError)) throw err;
      }
      view = await current(c);
    }
  }

  const createOnly = async (c: CollectionName, entries: { id: string; payload: Record<string, unknown> }[]) =>
    (
      await write(
        c,
        entries.map((e) => e.id),
        (view) => entries.filter((e) => !view.records.has(e.id)),
      )
    ).map((r) => r.id);

  return {
    ...objectCoordination(store),
    async getRecord(c, id) {
      return openedRecord(await current(c), c, id);
    },
    async listRecords(c, prefix) {
      const view = await current(c);
      const out: Record<string, unknown>[] = [];
      for (const id of view.records.keys())
        if (id.startsWith(prefix)) out.push(openedRecord(view, c, id) ?? {});
      return out;
    },
    async putRecord(c, id, payload) {
      if (collectionKind(c) === 'append-only') {
        await createOnly(c, [{ id, payload }]);
        return;
      }
      // A plain replace: the writer means this value whatever was there.
      await write(c, [], () => [{ id, payload }]);
    },
    async appendRecord(c, id, payload) {
      return (await createOnly(c, [{ id, payload }])).length === 1;
    },
    appendRecords: createOnly,
    async updateRecord(c, id, change) {
      let next: Record<string, unknown> = {};
      await write(c, [id], (view) => {
        next = change(openedRecord(view, c, id));
        return [{ id, payload: next }];
      });
      return next;
    },
  };
}

/** Opens the store's snapshot, creating it (and its key) on the first run against a new store. */
async function openOrInit(store: ObjectStore, keySecrets: SecretStore): Promise<Snapshot> {
  try {
    return await openSnapshot(store, keySecrets);
  } catch (err) {
    if (!(err instanceof NoSnapshotError)) throw err;
    return (await initSnapshot(store, keySecrets)).snapshot;
  }
}
