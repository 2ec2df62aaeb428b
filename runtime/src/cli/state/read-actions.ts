// `escher state export|get|query|stats|verify`: the commands that only read a snapshot.

import { EscherError, InputError, IntegrityError } from '../../errors.js';
import { loadCollection, snapshotStats, verifySnapshot } from '../../snapshot/index.js';
import { parseFilter } from '../../vector/filter.js';
import type { CliContext } from '../context.js';
import { recordLine } from './ndjson.js';
import { embedderFor, type StoreFlags, snapshotFor } from './open.js';

type CollectionFlags = StoreFlags & { collection: string };

/** With --engine qdrant the records come back out of Qdrant after loading them into it. */
export async function exportAction(ctx: CliContext, flags: CollectionFlags & { engine: string }) {
  const loaded = await loadCollection(await snapshotFor(ctx, flags), flags.collection, {
    engine: flags.engine,
    qdrantUrl: ctx.env.QDRANT_URL,
  });
  for await (const record of loaded.records()) ctx.out(recordLine(record));
}

export async function getAction(ctx: CliContext, ids: string[], flags: CollectionFlags) {
  const loaded = await loadCollection(await snapshotFor(ctx, flags), flags.collection);
  const missing: string[] = [];
  for (const id of ids) {
    const record = await loaded.get(id);
    if (record) ctx.out(recordLine(record));
    else missing.push(id);
  }
  if (missing.length > 0)
    throw new EscherError(`no record ${missing.map((id) => `"${id}"`).join(', ')} in ${flags.collection}`);
}

export interface QueryFlags extends CollectionFlags {
  filter: string[];
  near?: string;
  vector?: string;
  limit: string;
  engine: string;
  json?: boolean;
}

function parseVector(text: string): Float32Array {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError('--vector is not JSON', {
      hint: 'pass a JSON array of numbers, e.g. --vector "[0.1, 0.2]"',
    });
  }
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((x) => typeof x === 'number' && Number.isFinite(x))
  ) {
    throw new InputError('--vector is not a JSON array of numbers');
  }
  return Float32Array.from(value as number[]);
}

export async function queryAction(ctx: CliContext, flags: QueryFlags) {
  if (flags.near !== undefined && flags.vector !== undefined)
    throw new InputError('use --near or --vector, not both');
  const limit = Number(flags.limit);
  if (!Number.isInteger(limit) || limit <= 0)
    throw new InputError(`--limit ${flags.limit} is not a positive integer`);
  const filter = parseFilter(flags.filter);
  const loaded = await loadCollection(await snapshotFor(ctx, flags), flags.collection, {
    engine: flags.engine,
    qdrantUrl: ctx.env.QDRANT_URL,
  });
  let vector: Float32Array | undefined;
  if (flags.vector !== undefined) vector = parseVector(flags.vector);
  if (flags.near !== undefined) {
    const embedder = await embedderFor(ctx);
    if (loaded.embedding && loaded.embedding.model !== embedder.modelId) {
      throw new InputError(
        `${flags.collection} holds vectors of ${loaded.embedding.model}; the configured embedder is ${embedder.modelId}`,
        {
          hint: 'vectors of different models are never compared: set ESCHER_EMBED_MODEL to the model the collection was built with',
        },
      );
    }
    [vector] = await embedder.embed([flags.near]);
  }
  const hits = await loaded.query({ filter, vector, limit });
  if (flags.json) ctx.out(`${JSON.stringify({ collection: flags.collection, hits })}\n`);
  else
    for (const hit of hits)
      ctx.out(
        `${hit.score === null ? '-' : hit.score.toFixed(4)}\t${hit.id}\t${JSON.stringify(hit.payload)}\n`,
      );
}

export async function statsAction(ctx: CliContext, flags: StoreFlags & { json?: boolean }) {
  const stats = await snapshotStats(await snapshotFor(ctx, flags));
  if (flags.json) return ctx.out(`${JSON.stringify(stats)}\n`);
  for (const [name, c] of Object.entries(stats.collections)) {
    ctx.out(
      `${name.padEnd(20)} ${String(c.count).padStart(9)} records  ${c.segments} segments  ${c.bytes} bytes  ${c.model ?? '-'}\n`,
    );
  }
}

export async function verifyAction(ctx: CliContext, flags: StoreFlags & { json?: boolean }) {
  const report = await verifySnapshot(await snapshotFor(ctx, flags));
  if (flags.json) ctx.out(`${JSON.stringify(report)}\n`);
  else
    ctx.out(
      `generation ${report.generation}: ${report.ok ? 'ok' : `${report.problems.length} problem(s)`}, ${report.orphans} orphan segment(s)\n`,
    );
  if (!report.ok) {
    throw new IntegrityError(
      `the snapshot has ${report.problems.length} problem(s); first: ${report.problems[0]}`,
      {
        hint: 'restore the named objects from a backup',
      },
    );
  }
}
