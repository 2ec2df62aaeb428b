// A writer that stops between uploading its segment and committing the manifest, so the
// SIGKILL test can kill it exactly there. Uses the built runtime (dist/).
// argv: storeUrl secretsDir collection

import { loadRuntimeEnv } from '../../dist/config/env.js';
import { HashEmbedder } from '../../dist/embed/hash-embedder.js';
import { LocalSecretStore } from '../../dist/secrets/local-secret-store.js';
import { appendRecords, openSnapshot } from '../../dist/snapshot/index.js';
import { openObjectStore } from '../../dist/storage/open-store.js';

const [storeUrl, secretsDir, collection] = process.argv.slice(2);
const store = await openObjectStore(storeUrl, loadRuntimeEnv());
const putIfMatch = store.putIfMatch.bind(store);
store.putIfMatch = async (key, body, version) => {
  if (key === 'manifest.json') {
    process.stdout.write('segment uploaded\n');
    await new Promise(() => {});
  }
  return putIfMatch(key, body, version);
};
const snap = await openSnapshot(store, new LocalSecretStore(secretsDir));
const records = Array.from({ length: 50 }, (_, i) => ({
  id: `doomed-${i}`,
  payload: { state: 'doomed', i },
}));
await appendRecords(snap, collection, records, { embedder: new HashEmbedder() });
