// Resolves what every `escher state` command needs from flags and the environment: the
// object store, the secret store holding the snapshot key, the embedder.

import type { VectorEncoding } from '@escher/shared';
import { defaultStoreUrl } from '../../config/env.js';
import type { Embedder } from '../../embed/embedder.js';
import { openEmbedder } from '../../embed/open-embedder.js';
import { openSecretStore, stateKeyStoreUrl } from '../../secrets/open-secret-store.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { initSnapshot, openSnapshot, type Snapshot } from '../../snapshot/index.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { openObjectStore } from '../../storage/open-store.js';
import type { CliContext } from '../context.js';

export interface StoreFlags {
  store?: string;
  secrets?: string;
}

export async function openStore(ctx: CliContext, flags: StoreFlags): Promise<ObjectStore> {
  const store = await openObjectStore(flags.store ?? defaultStoreUrl(ctx.env), ctx.env);
  await store.check();
  return store;
}

/** The secret store for the snapshot key: --secrets, ESCHER_SECRETS, or $ESCHER_HOME/secrets. */
export function openSecrets(ctx: CliContext, flags: StoreFlags): SecretStore {
  return openSecretStore(flags.secrets ?? stateKeyStoreUrl(ctx.env), ctx.env, ctx.redactor);
}

export async function snapshotFor(ctx: CliContext, flags: StoreFlags): Promise<Snapshot> {
  return openSnapshot(await openStore(ctx, flags), openSecrets(ctx, flags));
}

export async function initFor(ctx: CliContext, flags: StoreFlags & { vectorEncoding?: VectorEncoding }) {
  return initSnapshot(await openStore(ctx, flags), openSecrets(ctx, flags), {
    vectorEncoding: flags.vectorEncoding,
  });
}

export const embedderFor = (ctx: CliContext): Promise<Embedder> => openEmbedder(ctx.env.ESCHER_EMBED_MODEL);
