// `state verify`: reads every committed segment and reports every problem found rather
// than stopping at the first: digests, headers, decryptability of sealed fields, the
// append-only hash chains (continued across retention expiries), id uniqueness and the
// stored filter index, plus a count of uncommitted (orphan) objects.

import { COLLECTION_NAMES, collectionKind } from '@escher/shared';
import { EscherError } from '../errors.js';
import { isSealed, openPayload } from './field-crypto.js';
import { assertKeyMatches, readManifest } from './manifest-store.js';
import { decodeSegment, rowBlockMatches } from './segment-codec.js';
import { chainOf, readSegment, SEGMENTS_PREFIX } from './segment-io.js';
import type { Snapshot } from './snapshot.js';

export interface VerifyReport {
  ok: boolean;
  generation: number;
  collections: Record<
    string,
    {
      segments: number;
      rows: number;
      chainHead?: string;
      /** The last retention expiry: the chain continues from `chainBefore`, the head it replaced. */
      expiry?: { segment: string; reason: string; olderThan: string; expired: number; chainBefore: string };
    }
  >;
  /** Segment objects no manifest lists (GC removes them after the grace period). */
  orphans: number;
  problems: string[];
}

const describe = (err: unknown) => (err instanceof EscherError ? err.toUserMessage() : String(err));

export async function verifySnapshot(snap: Snapshot): Promise<VerifyReport> {
  const { manifest } = await readManifest(snap.store);
  assertKeyMatches(manifest, snap.key, snap.store);
  const report: VerifyReport = {
    ok: true,
    generation: manifest.generation,
    collections: {},
    orphans: 0,
    problems: [],
  };
  const problem = (text: string) => report.problems.push(text);
  for (const name of COLLECTION_NAMES) {
    const state = manifest.collections[name];
    if (!state) continue;
    const summary: VerifyReport['collections'][string] = { segments: state.segments.length, rows: 0 };
    const seen = new Set<string>();
    let chainStart: string | undefined;
    for (const [index, ref] of state.segments.entries()) {
      try {
        const bytes = await readSegment(snap.store, ref, true);
        const seg = decodeSegment(bytes, ref.key);
        if (!rowBlockMatches(bytes, ref.key, seg))
          problem(`segment ${ref.key} has a row table or filter index that does not match its records`);
        const expiry = seg.header.expiry;
        if (expiry && index > 0) problem(`expiry segment ${ref.key} is not the first segment of ${name}`);
        if (expiry && index === 0) {
          chainStart = expiry.chainBefore;
          const { reason, olderThan, expired, chainBefore } = expiry;
          summary.expiry = { segment: ref.key, reason, olderThan, expired, chainBefore };
        }
        if (seg.header.collection !== name)
          problem(`segment ${ref.key} belongs to ${seg.header.collection}, not ${name}`);
        if (seg.header.records !== ref.records)
          problem(`segment ${ref.key} holds ${seg.header.records} records, the manifest says ${ref.records}`);
        if (state.embedding && seg.header.model !== state.embedding.model)
          problem(
            `segment ${ref.key} has vectors of model ${seg.header.model}, not ${state.embedding.model}`,
          );
        summary.rows += seg.ids.length;
        seg.ids.forEach((id, i) => {
          if (collectionKind(name) === 'append-only' && seen.has(id))
            problem(`${name} holds record "${id}" twice`);
          seen.add(id);
          const payload = seg.payloads[i];
          if (payload && Object.values(payload).some(isSealed)) openPayload(snap.key, name, id, payload);
        });
      } catch (err) {
        problem(describe(err));
      }
    }
    if (collectionKind(name) === 'append-only') {
      summary.chainHead = state.chainHead;
      if (chainOf(state.segments, chainStart) !== state.chainHead)
        problem(
          `the hash chain of ${name} does not match its segments (records were removed, reordered or altered)`,
        );
    }
    report.collections[name] = summary;
  }
  const listed = new Set(
    Object.values(manifest.collections).flatMap((c) => c?.segments.map((s) => s.key) ?? []),
  );
  report.orphans = (await snap.store.list(`${SEGMENTS_PREFIX}/`)).filter((o) => !listed.has(o.key)).length;
  report.ok = report.problems.length === 0;
  return report;
}
