// The six collections of the vector snapshot and the rules each one follows. One table:
// adding a collection is adding a line here (and a row in FORMAT.md).

import { z } from 'zod';

/**
 * mutable: a later committed record with the same id supersedes the earlier one; deletions are tombstones.
 * append-only: a second record with an existing id is refused and nothing is ever deleted
 * (retention expiry aside); its segments form a hash chain that `state verify` checks.
 */
export const CollectionKindSchema = z.enum(['mutable', 'append-only']);
export type CollectionKind = z.infer<typeof CollectionKindSchema>;

export const COLLECTIONS = {
  cloud_estate: 'mutable',
  chat_history: 'mutable',
  executed_operations: 'append-only',
  immutable_reports: 'append-only',
  alerts_events: 'mutable',
  user_playbooks: 'mutable',
  audit: 'append-only',
} as const satisfies Record<string, CollectionKind>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
export const CollectionNameSchema = z.enum(COLLECTION_NAMES as [CollectionName, ...CollectionName[]]);

/**
 * The payload field holding each append-only record's time, which retention expiry reads.
 * A record without a readable time in that field never expires.
 */
export const RETENTION_TIME_FIELDS = {
  executed_operations: 'finished_at',
  immutable_reports: 'generated_at',
  audit: 'at',
} as const satisfies Record<AppendOnlyCollection, string>;

export type AppendOnlyCollection = {
  [K in CollectionName]: (typeof COLLECTIONS)[K] extends 'append-only' ? K : never;
}[CollectionName];

/**
 * Top-level payload fields that are always stored encrypted (AES-256-GCM, per field), in
 * every collection. They can be read back but not filtered on.
 */
export const SENSITIVE_FIELDS = [
  'encrypted_data',
  'content',
  'script',
  'message',
  'output',
  'credentials',
] as const;

export function collectionKind(name: CollectionName): CollectionKind {
  return COLLECTIONS[name];
}
