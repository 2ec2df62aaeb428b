// One record as writers hand it in and as `state export` prints it (one NDJSON line).

import { z } from 'zod';

export const RecordIdSchema = z.string().min(1).max(512);

export const SnapshotRecordSchema = z.strictObject({
  id: RecordIdSchema,
  /** Omitted: the writer's embedder computes it from the payload. */
  vector: z.array(z.number().finite()).min(1).optional(),
  payload: z.record(z.string(), z.unknown()),
});
export type SnapshotRecord = z.infer<typeof SnapshotRecordSchema>;

/** A record as it comes out of a snapshot: always with its vector. */
export type StoredRecord = { id: string; vector: number[]; payload: Record<string, unknown> };
