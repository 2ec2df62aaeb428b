// The manifest: the only mutable object of a snapshot, replaced by compare-and-swap. It
// lists, per collection, the committed segments in commit order; anything else under the
// store prefix is either one of those segments or an orphan that readers ignore.

import { z } from 'zod';
import { CollectionNameSchema } from './collections.js';
import { VectorEncodingSchema } from './segment-header.js';

export const MANIFEST_KEY = 'manifest.json';
export const MANIFEST_FORMAT = 'escher-vector-snapshot';
/** Bumped on any change an older reader would misread; readers refuse newer versions. */
export const MANIFEST_FORMAT_VERSION = 1;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const SegmentRefSchema = z.strictObject({
  key: z.string().min(1),
  /** Tamper evidence: checked by `state verify` and chained for append-only collections. */
  sha256: Sha256Schema,
  /** CRC-32 of the object: the fast corruption check every load makes. */
  crc32: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  bytes: z.number().int().positive(),
  committedAt: z.iso.datetime(),
});
export type SegmentRef = z.infer<typeof SegmentRefSchema>;

export const EmbeddingSchema = z.strictObject({
  /** Which embedder made every vector of the collection; vectors of other models never join it. */
  model: z.string().min(1),
  dims: z.number().int().positive(),
});
export type Embedding = z.infer<typeof EmbeddingSchema>;

export const CollectionStateSchema = z.strictObject({
  embedding: EmbeddingSchema.optional(),
  /** Oldest first; a later segment's record supersedes an earlier one with the same id. */
  segments: z.array(SegmentRefSchema),
  /** Append-only collections: sha256 chain over their segments' digests, oldest first. */
  chainHead: Sha256Schema.optional(),
});
export type CollectionState = z.infer<typeof CollectionStateSchema>;

export const ManifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Incremented by every commit; a cheap way to tell two manifests apart. */
  generation: z.number().int().nonnegative(),
  vectorEncoding: VectorEncodingSchema,
  encryption: z.strictObject({
    algorithm: z.literal('AES-256-GCM'),
    /** Logical SecretStore name of the key. */
    keyName: z.string().min(1),
    /** First 16 hex digits of sha256(key): tells a wrong key from a damaged object. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
  }),
  collections: z.partialRecord(CollectionNameSchema, CollectionStateSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** JSON Schema for readers outside this codebase. */
export const manifestJsonSchema = () => z.toJSONSchema(ManifestSchema, { io: 'input' });
