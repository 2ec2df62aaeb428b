// The JSON header at the start of every segment object (see FORMAT.md for the byte layout).

import { z } from 'zod';
import { CollectionNameSchema } from './collections.js';

export const SEGMENT_MAGIC = 'ESEG';
export const SEGMENT_FORMAT_VERSION = 2;

/**
 * f32: exact. f16 (default): half the size, relative error ≤ 2^-11 per component (cosine
 * error below 1e-3). i8: one float32 scale per vector and int8 components, a quarter of
 * the size, component error ≤ max|x|/254 (cosine error around 1e-3 to 1e-2).
 */
export const VectorEncodingSchema = z.enum(['f32', 'f16', 'i8']);
export type VectorEncoding = z.infer<typeof VectorEncodingSchema>;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Present only on a retention expiry segment of an append-only collection: it replaced the
 * segments in `replaced` (the start of the list), keeps their younger records and holds a
 * tombstone for every expired id. `chainBefore` is the hash chain over the replaced
 * segments, so the chain continues from it (see FORMAT.md, "Retention expiry").
 */
export const SegmentExpirySchema = z.strictObject({
  /** Why the records left, in words a person reads (e.g. "audit retention 365 days"). */
  reason: z.string().min(1),
  /** The payload field whose time decided, and the cutoff: records before it expired. */
  field: z.string().min(1),
  olderThan: z.iso.datetime(),
  /** Records expired by this expiry (earlier expiries' tombstones are carried too). */
  expired: z.number().int().nonnegative(),
  chainBefore: Sha256Schema,
  replaced: z.array(
    z.strictObject({ key: z.string().min(1), sha256: Sha256Schema, records: z.number().int() }),
  ),
});
export type SegmentExpiry = z.infer<typeof SegmentExpirySchema>;

export const SegmentHeaderSchema = z.strictObject({
  collection: CollectionNameSchema,
  /** Time-sortable id of the writer's commit attempt, unique across writers. */
  segmentId: z.string().min(1),
  writer: z.string().min(1),
  createdAt: z.iso.datetime(),
  records: z.number().int().nonnegative(),
  /** Records in the block that are tombstones (mutable collections; expiry segments). */
  tombstones: z.number().int().nonnegative(),
  model: z.string().min(1),
  dims: z.number().int().positive(),
  vectorEncoding: VectorEncodingSchema,
  vectorBytes: z.number().int().nonnegative(),
  payloadBytes: z.number().int().nonnegative(),
  /** Key id (not the key) the encrypted fields were sealed with. */
  keyId: z.string().min(1),
  /** Segments a compaction merged into this one, oldest first. */
  mergedFrom: z.array(z.string()).default([]),
  expiry: SegmentExpirySchema.optional(),
});
export type SegmentHeader = z.infer<typeof SegmentHeaderSchema>;
