// `escher state init|append|import|delete|compact|expire|gc`: the commands that change a snapshot.

import { InputError } from '../../errors.js';
import { loadDeploymentConfig } from '../../runner/config.js';
import {
  appendRecords,
  collectGarbage,
  compactCollection,
  compactSnapshot,
  DEFAULT_RETENTION,
  deleteRecords,
  expireRecords,
  parseCollection,
  retentionCutoffs,
} from '../../snapshot/index.js';
import type { CliContext } from '../context.js';
import { parseNdjson } from './ndjson.js';
import { embedderFor, initFor, type StoreFlags, snapshotFor } from './open.js';

const print = (ctx: CliContext, value: unknown) => ctx.out(`${JSON.stringify(value)}\n`);

export async function initAction(ctx: CliContext, flags: StoreFlags & { vectorEncoding?: string }) {
  const encoding = flags.vectorEncoding ?? 'f16';
  if (encoding !== 'f32' && encoding !== 'f16' && encoding !== 'i8') {
    throw new InputError(`--vector-encoding ${encoding} is not f32, f16 or i8`);
  }
  const { created, snapshot } = await initFor(ctx, { ...flags, vectorEncoding: encoding });
  print(ctx, { store: snapshot.store.url, created, keyId: snapshot.key.id });
}

type CollectionFlags = StoreFlags & { collection: string };

/** One commit for the whole input: every record lands, or none does. */
export async function appendAction(ctx: CliContext, file: string | undefined, flags: CollectionFlags) {
  const collection = parseCollection(flags.collection);
  const records = parseNdjson(await ctx.readInput(file), file && file !== '-' ? file : 'stdin');
  const snap = await snapshotFor(ctx, flags);
  const result = await appendRecords(snap, collection, records, { embedder: await embedderFor(ctx) });
  print(ctx, { collection, appended: result.ids.length, segment: result.segment ?? null });
}

/** Large inputs in batches, one commit each; a failure names the first record not imported. */
export async function importAction(
  ctx: CliContext,
  file: string | undefined,
  flags: CollectionFlags & { batch: string },
) {
  const collection = parseCollection(flags.collection);
  const batch = Number(flags.batch);
  if (!Number.isInteger(batch) || batch <= 0)
    throw new InputError(`--batch ${flags.batch} is not a positive integer`);
  const records = parseNdjson(await ctx.readInput(file), file && file !== '-' ? file : 'stdin');
  const snap = await snapshotFor(ctx, flags);
  const embedder = await embedderFor(ctx);
  let imported = 0;
  for (let i = 0; i < records.length; i += batch) {
    try {
      imported += (await appendRecords(snap, collection, records.slice(i, i + batch), { embedder })).ids
        .length;
    } catch (err) {
      if (imported > 0)
        ctx.err(`escher: imported ${imported} records; stopped at record ${i + 1} ("${records[i]?.id}")\n`);
      throw err;
    }
  }
  print(ctx, { collection, imported });
}

export async function deleteAction(ctx: CliContext, ids: string[], flags: CollectionFlags) {
  const result = await deleteRecords(await snapshotFor(ctx, flags), flags.collection, ids);
  print(ctx, { collection: flags.collection, deleted: result.ids.length, segment: result.segment ?? null });
}

export async function compactAction(ctx: CliContext, flags: StoreFlags & { collection?: string }) {
  const snap = await snapshotFor(ctx, flags);
  const results = flags.collection
    ? [await compactCollection(snap, flags.collection)]
    : await compactSnapshot(snap);
  print(ctx, { compacted: results });
}

export async function gcAction(ctx: CliContext, flags: StoreFlags & { graceMinutes: string }) {
  const minutes = Number(flags.graceMinutes);
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new InputError(`--grace-minutes ${flags.graceMinutes} is not a number of minutes`);
  const result = await collectGarbage(await snapshotFor(ctx, flags), { graceMs: minutes * 60_000 });
  print(ctx, result);
}

type ExpireFlags = StoreFlags & { collection?: string; olderThanDays?: string; dryRun?: boolean };

/** The configured retention per collection, or one collection with an explicit cutoff. */
export async function expireAction(ctx: CliContext, flags: ExpireFlags) {
  const snap = await snapshotFor(ctx, flags);
  const dryRun = flags.dryRun ?? false;
  let cutoffs = retentionCutoffs(
    (await loadDeploymentConfig(ctx.env))?.retention ?? DEFAULT_RETENTION,
    snap.now(),
  );
  if (flags.collection)
    cutoffs = cutoffs.filter((c) => c.collection === parseCollection(flags.collection ?? ''));
  if (flags.olderThanDays !== undefined) {
    const days = Number(flags.olderThanDays);
    if (!flags.collection || !Number.isInteger(days) || days < 1)
      throw new InputError(
        `--older-than-days ${flags.olderThanDays} needs --collection and a whole number of days ≥ 1`,
      );
    cutoffs = cutoffs.map((c) => ({
      ...c,
      days,
      olderThan: new Date(snap.now().getTime() - days * 86_400_000),
      reason: `escher state expire --older-than-days ${days}`,
    }));
  }
  if (flags.collection && cutoffs.length === 0)
    // Refused by expireRecords with the reason (only append-only collections expire).
    await expireRecords(snap, flags.collection, snap.now(), { dryRun: true });
  const results = [];
  for (const cut of cutoffs)
    results.push(await expireRecords(snap, cut.collection, cut.olderThan, { dryRun, reason: cut.reason }));
  print(ctx, { dryRun, expired: results });
}
