// Retention expiry: the one sanctioned way a record leaves an append-only collection. It
// replaces the start of the collection's segment list — up to the last segment holding a
// record past retention — by one expiry segment that keeps the younger records of those
// segments as they were (sealed payloads copied, never opened), holds a tombstone for every
// expired id and names, in its header, the segments it replaced and the chain head over
// them. The hash chain continues from that head, so `state verify` still checks it.

import {
  type AppendOnlyCollection,
  type CollectionName,
  collectionKind,
  RETENTION_TIME_FIELDS,
  type SegmentExpiry,
  type SegmentRef,
} from '@escher/shared';
import { InputError } from '../errors.js';
import { parseCollection } from './append.js';
import { parsedColumns, readColumns } from './collection-reader.js';
import { readManifest } from './manifest-store.js';
import { chainOf } from './segment-io.js';
import { commitNewSegment, pickRows, writeNewSegment } from './segment-writer.js';
import type { Snapshot } from './snapshot.js';

export interface ExpireOptions {
  /** Says what would go without writing anything. */
  dryRun?: boolean;
  /** Why, for the expiry segment's header (default: "retention"). */
  reason?: string;
}

export interface ExpiryResult {
  collection: CollectionName;
  field: string;
  olderThan: string;
  /** Ids past retention (gone, or going with dryRun), in commit order. */
  expired: string[];
  /** Records of the replaced segments that were young enough to stay. */
  kept: number;
  /** Segments the expiry segment replaced; 0 when nothing expired. */
  replaced: number;
  segment?: string;
  dryRun: boolean;
  /** Why nothing was written, when nothing was. */
  skipped?: string;
}

/** Raised inside the commit when another expiry replaced the segments we read first. */
class PrefixChanged extends Error {}

function appendOnly(name: string): AppendOnlyCollection {
  const collection = parseCollection(name);
  if (collectionKind(collection) !== 'append-only') {
    throw new InputError(
      `${collection} is not append-only; retention expiry applies only to append-only collections`,
      {
        hint: 'remove records of a mutable collection with `escher state delete`',
      },
    );
  }
  return collection as AppendOnlyCollection;
}

function timeOf(payload: Record<string, unknown> | null, field: string): number | undefined {
  const value = payload?.[field];
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** Rows past the cutoff; tombstones (earlier expiries) and undated records never count. */
function expiredRows(
  columns: { payloads: (Record<string, unknown> | null)[] },
  field: string,
  cutoff: number,
): Set<number> {
  const rows = new Set<number>();
  columns.payloads.forEach((payload, row) => {
    const at = timeOf(payload, field);
    if (at !== undefined && at < cutoff) rows.add(row);
  });
  return rows;
}

/** Index of the last segment holding one of `rows` (segments hold consecutive rows). */
function lastSegmentWith(refs: SegmentRef[], rows: Set<number>): number {
  let last = -1;
  let start = 0;
  refs.forEach((ref, i) => {
    for (let r = start; r < start + ref.records; r++) if (rows.has(r)) last = i;
    start += ref.records;
  });
  return last;
}

export async function expireRecords(
  snap: Snapshot,
  collectionName: string,
  olderThan: Date,
  options: ExpireOptions = {},
): Promise<ExpiryResult> {
  const collection = appendOnly(collectionName);
  const field = RETENTION_TIME_FIELDS[collection];
  const cutoff = olderThan.getTime();
  if (!Number.isFinite(cutoff) || cutoff > snap.now().getTime()) {
    throw new InputError(
      `cannot expire ${collection} records older than ${String(olderThan)}: that is not a past time`,
      {
        hint: 'give a cutoff in the past, e.g. now minus the retention period',
      },
    );
  }
  const dryRun = options.dryRun ?? false;
  const result: ExpiryResult = {
    collection,
    field,
    olderThan: olderThan.toISOString(),
    expired: [],
    kept: 0,
    replaced: 0,
    dryRun,
  };
  const { manifest } = await readManifest(snap.store);
  const state = manifest.collections[collection];
  if (!state?.embedding || state.segments.length === 0) return { ...result, skipped: 'no records' };
  const { dims, model } = state.embedding;
  const columns = parsedColumns(await readColumns(snap.store, collection, state.segments, dims));
  const expired = expiredRows(columns, field, cutoff);
  if (expired.size === 0) return { ...result, skipped: 'nothing past retention' };

  const prefix = state.segments.slice(0, lastSegmentWith(state.segments, expired) + 1);
  const prefixRows = prefix.reduce((sum, ref) => sum + ref.records, 0);
  const kept: number[] = [];
  const tombstones: string[] = [];
  for (let row = 0; row < prefixRows; row++) {
    const id = columns.ids[row] as string;
    if (expired.has(row)) {
      result.expired.push(id);
      tombstones.push(id);
    } else if (columns.payloads[row] === null) {
      // An earlier expiry's tombstone: carried on, so the id stays known (and refused).
      tombstones.push(id);
    } else kept.push(row);
  }
  result.kept = kept.length;
  result.replaced = prefix.length;
  if (dryRun) return result;

  const start = columns.headers[0]?.expiry?.chainBefore;
  const chainBefore = chainOf(prefix, start) as string;
  const expiry: SegmentExpiry = {
    reason: options.reason ?? 'retention',
    field,
    olderThan: result.olderThan,
    expired: result.expired.length,
    chainBefore,
    replaced: prefix.map(({ key, sha256, records }) => ({ key, sha256, records })),
  };
  const ref = await writeNewSegment(snap, collection, pickRows(columns, dims, kept, tombstones), {
    model,
    dims,
    vectorEncoding: manifest.vectorEncoding,
    mergedFrom: prefix.map((r) => r.key),
    expiry,
  });
  const { key } = ref;
  try {
    await commitNewSegment(
      snap,
      key,
      (current) => {
        const now = current.collections[collection];
        const segments = now?.segments ?? [];
        if (!now || prefix.some((r, i) => segments[i]?.key !== r.key)) throw new PrefixChanged();
        now.segments = [{ ...ref, committedAt: snap.now().toISOString() }, ...segments.slice(prefix.length)];
        now.chainHead = chainOf(now.segments, chainBefore);
        return current;
      },
      { what: 'expiry segment', hint: 'run the expiry again' },
    );
  } catch (err) {
    if (!(err instanceof PrefixChanged)) throw err;
    return { ...result, expired: [], kept: 0, replaced: 0, skipped: 'another expiry committed first' };
  }
  return { ...result, segment: key };
}
