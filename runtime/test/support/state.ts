// The runner's state as `escher` with ESCHER_HOME=<home> sees it: the snapshot in
// <home>/state (or the given store), its key in <home>/secrets. Tests seed through it
// what a spawned runner then reads.

import { join } from 'node:path';
import { HashEmbedder } from '../../src/embed/hash-embedder.js';
import type { RunnerState } from '../../src/pipeline/state.js';
import { snapshotRunnerState } from '../../src/runner/snapshot-state.js';
import { LocalSecretStore } from '../../src/secrets/local-secret-store.js';
import { LocalObjectStore } from '../../src/storage/local-store.js';
import type { ObjectStore } from '../../src/storage/object-store.js';

export function homeState(
  home: string,
  store: ObjectStore = new LocalObjectStore(join(home, 'state')),
): RunnerState {
  return snapshotRunnerState(store, {
    keySecrets: new LocalSecretStore(join(home, 'secrets')),
    embedder: async () => new HashEmbedder(),
  });
}
