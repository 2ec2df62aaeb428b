// Where job runs record what they did: executed_operations and audit records, both
// append-only. A small interface so the runner can write through the snapshot API and
// tests (and a crash-resumed run) can read back what is already there.

import type { AuditRecord, ExecutedOperation } from '@escher/shared';

export interface OperationLog {
  /** Of these operation ids, the ones already recorded (their targets are done for that run). */
  existing(ids: readonly string[]): Promise<Set<string>>;
  /** Estate record ids this job has stopped successfully on earlier runs. */
  stoppedByJob(job: string): Promise<Set<string>>;
  append(operations: readonly ExecutedOperation[], audit: readonly AuditRecord[]): Promise<void>;
}

/** In-memory log: for tests and for dry runs that must not write state. */
export class MemoryOperationLog implements OperationLog {
  readonly operations: ExecutedOperation[] = [];
  readonly audit: AuditRecord[] = [];

  async existing(ids: readonly string[]): Promise<Set<string>> {
    const known = new Set(this.operations.map((o) => o.id));
    return new Set(ids.filter((id) => known.has(id)));
  }

  async stoppedByJob(job: string): Promise<Set<string>> {
    return new Set(
      this.operations
        .filter(
          (o) =>
            o.kind === 'job' &&
            o.source.id.startsWith(`${job}@`) &&
            o.action === 'stop' &&
            o.outcome === 'succeeded',
        )
        .map((o) => String(o.details.record_id)),
    );
  }

  async append(operations: readonly ExecutedOperation[], audit: readonly AuditRecord[]): Promise<void> {
    const known = new Set(this.operations.map((o) => o.id));
    const dup = operations.find((o) => known.has(o.id));
    // Append-only: a second record under an existing id would rewrite history.
    if (dup) throw new Error(`executed operation ${dup.id} is already recorded`);
    this.operations.push(...operations);
    this.audit.push(...audit);
  }
}
