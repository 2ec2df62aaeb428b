// NDJSON in and out for `state append|import|export`: one record a line; a bad line is
// reported with its number and nothing of the input is written.

import { type SnapshotRecord, SnapshotRecordSchema } from '@escher/shared';
import { InputError } from '../../errors.js';
import type { VectorRecord } from '../../vector/vector-store.js';

export function parseNdjson(text: string, source: string): SnapshotRecord[] {
  const records: SnapshotRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(`${source} line ${i + 1} is not JSON`, {
        hint: 'write one {"id": "...", "payload": {...}} object per line',
      });
    }
    const parsed = SnapshotRecordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `${source} line ${i + 1} is not a record: ${issue?.path.join('.') || 'record'}: ${issue?.message}`,
        {
          hint: 'records look like {"id": "...", "vector": [..]?, "payload": {...}}',
        },
      );
    }
    records.push(parsed.data);
  });
  return records;
}

export const recordLine = (r: VectorRecord) =>
  `${JSON.stringify({ id: r.id, vector: Array.from(r.vector), payload: r.payload })}\n`;
