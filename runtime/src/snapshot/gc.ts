// Garbage collection: deletes segment objects no manifest lists (crashed writers' orphans,
// segments compaction replaced) once they are older than a grace period. The grace period
// protects in-flight writers (who give up after MAX_COMMIT_AGE_MS) and readers still
// working from an older manifest.

import { readManifest } from './manifest-store.js';
import { SEGMENTS_PREFIX, segmentCreatedAt } from './segment-io.js';
import { MAX_COMMIT_AGE_MS } from './segment-writer.js';
import type { Snapshot } from './snapshot.js';

export const DEFAULT_GC_GRACE_MS = 60 * 60_000;

export interface GcResult {
  deleted: string[];
  /** Unlisted segments still inside the grace period. */
  young: number;
}

export async function collectGarbage(snap: Snapshot, options: { graceMs?: number } = {}): Promise<GcResult> {
  // Never shorter than a writer may take to commit, or GC could delete a segment about to be listed.
  const graceMs = Math.max(options.graceMs ?? DEFAULT_GC_GRACE_MS, MAX_COMMIT_AGE_MS);
  const { manifest } = await readManifest(snap.store);
  const listed = new Set(
    Object.values(manifest.collections).flatMap((c) => c?.segments.map((s) => s.key) ?? []),
  );
  const cutoff = snap.now().getTime() - graceMs;
  const result: GcResult = { deleted: [], young: 0 };
  for (const object of await snap.store.list(`${SEGMENTS_PREFIX}/`)) {
    if (listed.has(object.key)) continue;
    const created =
      segmentCreatedAt(object.key)?.getTime() ?? object.modified?.getTime() ?? Number.POSITIVE_INFINITY;
    if (created > cutoff) {
      result.young++;
      continue;
    }
    await snap.store.delete(object.key);
    result.deleted.push(object.key);
  }
  return result;
}
