// Moving segments in and out of the ObjectStore: unique time-sortable keys, create-only
// writes, and reads that always check the digest the manifest recorded.

import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { CollectionName, SegmentRef } from '@escher/shared';
import { IntegrityError } from '../errors.js';
import type { ObjectStore } from '../storage/object-store.js';

export const SEGMENTS_PREFIX = 'segments';
const TIME_DIGITS = 11;

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A writer's identity for segment names: random per process, so no two writers collide. */
export function newWriterId(): string {
  return `${process.pid.toString(36)}${randomBytes(4).toString('hex')}`;
}

/** Unique segment ids that sort by creation time: <ms base36>-<writer>-<random>. */
export function newSegmentId(writer: string, now: Date): string {
  return `${now.getTime().toString(36).padStart(TIME_DIGITS, '0')}-${writer}-${randomBytes(3).toString('hex')}`;
}

export const segmentKey = (collection: CollectionName, segmentId: string) =>
  `${SEGMENTS_PREFIX}/${collection}/${segmentId}.seg`;

/** When the segment under `key` was created, read from its name (backends differ on mtimes). */
export function segmentCreatedAt(key: string): Date | undefined {
  const name = key.split('/').pop() ?? '';
  const ms = Number.parseInt(name.slice(0, TIME_DIGITS), 36);
  return Number.isFinite(ms) && name.length > TIME_DIGITS ? new Date(ms) : undefined;
}

export async function writeSegment(
  store: ObjectStore,
  key: string,
  body: Uint8Array,
  records: number,
  now: Date,
): Promise<SegmentRef> {
  await store.putIfAbsent(key, body);
  return {
    key,
    sha256: sha256Hex(body),
    crc32: crc32(body),
    records,
    bytes: body.length,
    committedAt: now.toISOString(),
  };
}

/**
 * The segment's bytes, after checking they are the ones the manifest committed: size and
 * CRC-32 always (corruption, truncation), sha256 too when `deep` (tampering; ~7x slower).
 */
export async function readSegment(store: ObjectStore, ref: SegmentRef, deep = false): Promise<Uint8Array> {
  const found = await store.get(ref.key);
  if (!found) {
    throw new IntegrityError(`segment ${ref.key} listed in the manifest is missing from ${store.url}`, {
      hint: 'restore it from a backup; run `escher state verify` to list every problem',
    });
  }
  if (found.body.length !== ref.bytes) {
    throw new IntegrityError(
      `segment ${ref.key} has ${found.body.length} bytes, the manifest recorded ${ref.bytes} (truncated or replaced)`,
      { hint: 'restore it from a backup; run `escher state verify` to list every problem' },
    );
  }
  if (crc32(found.body) !== ref.crc32 || (deep && sha256Hex(found.body) !== ref.sha256)) {
    throw new IntegrityError(`segment ${ref.key} fails its checksum (corrupted or altered)`, {
      hint: 'restore it from a backup; run `escher state verify` to list every problem',
    });
  }
  return found.body;
}

/** Audit chain: head_n = sha256(head_{n-1} || segment digest), starting from the empty string. */
export function extendChain(head: string | undefined, segmentSha256: string): string {
  return createHash('sha256')
    .update(head ?? '')
    .update(segmentSha256)
    .digest('hex');
}

/** The chain over `refs`, continuing from `start` (an expiry segment's `chainBefore`) if given. */
export const chainOf = (refs: SegmentRef[], start?: string) =>
  refs.reduce<string | undefined>((head, ref) => extendChain(head, ref.sha256), start);
