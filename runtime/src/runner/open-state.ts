// Opens the runner's state for a store URL: the snapshot-backed RunnerState every entry
// point and CLI command shares, with the data key where `escher state` keeps it and the
// embedder ESCHER_EMBED_MODEL names (loaded on the first write that needs vectors).

import { defaultStoreUrl, type RuntimeEnv } from '../config/env.js';
import type { Embedder } from '../embed/embedder.js';
import { openEmbedder } from '../embed/open-embedder.js';
import type { RunnerState } from '../pipeline/state.js';
import { openSecretStore, stateKeyStoreUrl } from '../secrets/open-secret-store.js';
import type { Redactor } from '../secrets/redactor.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { ObjectStore } from '../storage/object-store.js';
import { openObjectStore } from '../storage/open-store.js';
import { snapshotRunnerState } from './snapshot-state.js';

export interface OpenStateOptions {
  env: RuntimeEnv;
  redactor: Redactor;
  /** Default: ESCHER_STORE, else the Local Only store. */
  storeUrl?: string | undefined;
  /** Default: the store stateKeyStoreUrl names. */
  keySecrets?: SecretStore | undefined;
}

export async function openRunnerState(
  o: OpenStateOptions,
): Promise<{ state: RunnerState; store: ObjectStore }> {
  const { env, redactor } = o;
  const store = await openObjectStore(o.storeUrl ?? env.ESCHER_STORE ?? defaultStoreUrl(env), env);
  let embedder: Promise<Embedder> | undefined;
  const state = snapshotRunnerState(store, {
    keySecrets: o.keySecrets ?? openSecretStore(stateKeyStoreUrl(env), env, redactor),
    embedder: () => {
      embedder ??= openEmbedder(env.ESCHER_EMBED_MODEL);
      return embedder;
    },
  });
  return { state, store };
}
