// What the pipeline needs from the state store, as one small interface: records by
// collection (create-only for append-only collections) and the runner's coordination
// objects (inbox, lease, step checkpoints, completion marker, dead letters).

import type { CollectionName } from '@escher/shared';

export interface Checkpoint {
  step: string;
  at: string;
  text: string;
  data?: unknown;
  /** Bookkeeping inside a step (one channel of notify): kept for reruns, not a timeline entry. */
  detail?: true;
}

export interface Lease {
  owner: string;
  expires_at: string;
}

/** The user's records: the snapshot's collections (runner/snapshot-state.ts). */
export interface RecordStore {
  getRecord(collection: CollectionName, id: string): Promise<Record<string, unknown> | undefined>;
  /** Records whose id starts with the prefix. */
  listRecords(collection: CollectionName, idPrefix: string): Promise<Record<string, unknown>[]>;
  /** Creates or replaces a record of a mutable collection. */
  putRecord(collection: CollectionName, id: string, payload: Record<string, unknown>): Promise<void>;
  /** Creates a record; false (and nothing written) when the id exists already. */
  appendRecord(collection: CollectionName, id: string, payload: Record<string, unknown>): Promise<boolean>;
  /** appendRecord for many records in one write; returns the ids it created. */
  appendRecords(
    collection: CollectionName,
    records: readonly { id: string; payload: Record<string, unknown> }[],
  ): Promise<string[]>;
  /** Read-modify-write of a mutable record by compare-and-swap; `change` is re-applied after a lost race. */
  updateRecord(
    collection: CollectionName,
    id: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
}

/** The runner's own bookkeeping per event, beside the snapshot (runner/object-state.ts). */
export interface RunCoordination {
  /** Records the raw trigger; false when this event was received before. */
  accept(eventKey: string, raw: unknown, at: Date): Promise<boolean>;
  /** Takes the processing lease; false while another live runner holds it. */
  claim(eventKey: string, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  release(eventKey: string, owner: string): Promise<void>;
  checkpoints(eventKey: string): Promise<Checkpoint[]>;
  /** Create-only: the first writer of a step's checkpoint wins. */
  saveCheckpoint(eventKey: string, index: number, checkpoint: Checkpoint): Promise<void>;
  completion(eventKey: string): Promise<Record<string, unknown> | undefined>;
  complete(eventKey: string, marker: Record<string, unknown>): Promise<void>;
  deadLetter(id: string, record: Record<string, unknown>): Promise<boolean>;
  deadLetters(): Promise<Record<string, unknown>[]>;
}

export interface RunnerState extends RecordStore, RunCoordination {}
