// Reading and committing the manifest. Every change goes through `commitManifest`: read,
// apply a pure-ish change, compare-and-swap; the loser of a race re-reads and re-applies its
// change on top of the winner's manifest (rebase) after a jittered backoff.

import {
  MANIFEST_FORMAT,
  MANIFEST_FORMAT_VERSION,
  MANIFEST_KEY,
  type Manifest,
  ManifestSchema,
  type VectorEncoding,
} from '@escher/shared';
import { ConfigError, IntegrityError, PreconditionFailedError, TransientError } from '../errors.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { StateKey } from './field-crypto.js';
import { STATE_KEY_NAME } from './state-key.js';

export interface ManifestVersion {
  manifest: Manifest;
  /** The store's version token, for the next compare-and-swap. */
  version: string;
}

export function parseManifest(body: Uint8Array, where: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch (cause) {
    throw new IntegrityError(`${MANIFEST_KEY} in ${where} is not JSON`, {
      cause,
      hint: 'restore it from a backup',
    });
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head?.format !== MANIFEST_FORMAT) {
    throw new IntegrityError(`${MANIFEST_KEY} in ${where} is not an escher snapshot manifest`);
  }
  if (typeof head.version === 'number' && head.version > MANIFEST_FORMAT_VERSION) {
    throw new IntegrityError(
      `${MANIFEST_KEY} in ${where} has format version ${head.version}; this escher reads up to ${MANIFEST_FORMAT_VERSION}`,
      { hint: 'upgrade escher to a release that reads this snapshot' },
    );
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IntegrityError(
      `${MANIFEST_KEY} in ${where} is invalid at ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

/** The store holds no manifest: no snapshot was ever initialised there. */
export class NoSnapshotError extends ConfigError {
  override name = 'NoSnapshotError';
}

export async function readManifest(store: ObjectStore): Promise<ManifestVersion> {
  const found = await store.get(MANIFEST_KEY);
  if (!found) {
    throw new NoSnapshotError(`no snapshot in ${store.url}`, {
      hint: 'run `escher state init --store URL` first',
    });
  }
  const last = parsed.get(store);
  if (last?.version === found.version) return last;
  const read = { manifest: parseManifest(found.body, store.url), version: found.version };
  parsed.set(store, read);
  return read;
}

/**
 * The last manifest parsed per store: one version token always names the same bytes, and a
 * run reads an unchanged manifest many times. Callers treat it as read-only (commits clone).
 */
const parsed = new WeakMap<ObjectStore, ManifestVersion>();

export const encodeManifest = (m: Manifest) => Buffer.from(`${JSON.stringify(m, null, 1)}\n`);

/** Creates the manifest if absent; an existing one is kept when it uses the same key. */
export async function initManifest(
  store: ObjectStore,
  key: StateKey,
  vectorEncoding: VectorEncoding,
  now: Date,
): Promise<{ created: boolean; manifest: Manifest }> {
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_FORMAT_VERSION,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    generation: 0,
    vectorEncoding,
    encryption: { algorithm: 'AES-256-GCM', keyName: STATE_KEY_NAME, keyId: key.id },
    collections: {},
  };
  try {
    await store.putIfAbsent(MANIFEST_KEY, encodeManifest(manifest));
    return { created: true, manifest };
  } catch (err) {
    if (!(err instanceof PreconditionFailedError)) throw err;
  }
  const existing = (await readManifest(store)).manifest;
  assertKeyMatches(existing, key, store);
  return { created: false, manifest: existing };
}

export function assertKeyMatches(manifest: Manifest, key: StateKey, store: ObjectStore): void {
  if (manifest.encryption.keyId !== key.id) {
    throw new ConfigError(
      `the snapshot in ${store.url} was sealed with key ${manifest.encryption.keyId}, but ${STATE_KEY_NAME} is key ${key.id}`,
      { hint: 'point --secrets/ESCHER_SECRETS at the secret store this snapshot was created with' },
    );
  }
}

/** Every attempt lost its compare-and-swap: nothing of this commit landed. */
export class CommitRaceLostError extends TransientError {
  override name = 'CommitRaceLostError';
}

export interface CommitOptions {
  now?: () => Date;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * A manifest the caller read already: the first attempt starts from it instead of reading
   * again. If it is stale, the compare-and-swap fails and the next attempt reads afresh.
   */
  read?: ManifestVersion;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Applies `change` to the current manifest and commits it by compare-and-swap, retrying
 * on lost races. `change` may throw to abort (nothing is written then); it must not keep
 * state between calls other than caches of immutable objects.
 */
export async function commitManifest(
  store: ObjectStore,
  change: (current: Manifest) => Promise<Manifest> | Manifest,
  options: CommitOptions = {},
): Promise<Manifest> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? defaultSleep;
  const maxAttempts = options.maxAttempts ?? 200;
  for (let attempt = 1; ; attempt++) {
    const { manifest, version } = (attempt === 1 && options.read) || (await readManifest(store));
    const next = await change(structuredClone(manifest));
    const stamped: Manifest = {
      ...next,
      generation: manifest.generation + 1,
      updatedAt: now().toISOString(),
    };
    try {
      await store.putIfMatch(MANIFEST_KEY, encodeManifest(stamped), version);
      return stamped;
    } catch (err) {
      if (!(err instanceof PreconditionFailedError)) throw err;
      if (attempt >= maxAttempts) {
        throw new CommitRaceLostError(`gave up committing to ${store.url} after ${attempt} lost races`, {
          hint: 'too many writers at once; retry later',
          cause: err,
        });
      }
      // Full jitter keeps racing writers from retrying in lockstep.
      await sleep(Math.random() * Math.min(1000, 5 * 2 ** Math.min(attempt, 8)));
    }
  }
}
