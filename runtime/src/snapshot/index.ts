// The snapshot API the runner uses: open or init a snapshot, append and delete records,
// load a collection into a VectorStore, compact, expire past retention, verify, collect garbage.
export {
  type AppendOptions,
  type AppendResult,
  appendRecords,
  parseCollection,
} from './append.js';
export { type CompactionResult, compactCollection, compactSnapshot } from './compact.js';
export { type ExpireOptions, type ExpiryResult, expireRecords } from './expire.js';
export { collectGarbage, DEFAULT_GC_GRACE_MS, type GcResult } from './gc.js';
export { type LoadedCollection, type LoadOptions, loadCollection } from './load.js';
export { CommitRaceLostError, readManifest } from './manifest-store.js';
export {
  DEFAULT_RETENTION,
  expireByRetention,
  type Retention,
  type RetentionCutoff,
  retentionCutoffs,
} from './retention.js';
export { MAX_COMMIT_AGE_MS } from './segment-writer.js';
export { initSnapshot, openSnapshot, type Snapshot } from './snapshot.js';
export { STATE_KEY_NAME } from './state-key.js';
export { type SnapshotStats, snapshotStats } from './stats.js';
export { deleteRecords } from './tombstone.js';
export { type VerifyReport, verifySnapshot } from './verify.js';
