// A handle on one snapshot: its object store, the data key and this process's writer id.
// Every snapshot operation takes one; opening it checks the store holds a snapshot sealed
// with the key the secret store holds.

import type { VectorEncoding } from '@escher/shared';
import type { SecretStore } from '../secrets/secret-store.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { StateKey } from './field-crypto.js';
import { assertKeyMatches, initManifest, readManifest } from './manifest-store.js';
import { newWriterId } from './segment-io.js';
import { ensureStateKey, readStateKey } from './state-key.js';

export interface Snapshot {
  store: ObjectStore;
  key: StateKey;
  writer: string;
  now: () => Date;
}

export interface OpenOptions {
  now?: () => Date;
}

export async function openSnapshot(
  store: ObjectStore,
  secrets: SecretStore,
  options: OpenOptions = {},
): Promise<Snapshot> {
  const { manifest } = await readManifest(store);
  const key = await readStateKey(secrets);
  assertKeyMatches(manifest, key, store);
  return { store, key, writer: newWriterId(), now: options.now ?? (() => new Date()) };
}

/** Creates the key (if absent) and the manifest (if absent); safe to run twice. */
export async function initSnapshot(
  store: ObjectStore,
  secrets: SecretStore,
  options: OpenOptions & { vectorEncoding?: VectorEncoding } = {},
): Promise<{ created: boolean; snapshot: Snapshot }> {
  await store.check();
  const key = await ensureStateKey(secrets);
  const now = options.now ?? (() => new Date());
  const { created } = await initManifest(store, key, options.vectorEncoding ?? 'f16', now());
  return { created, snapshot: { store, key, writer: newWriterId(), now } };
}
