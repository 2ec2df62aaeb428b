// The OperationLog on the runner's state: executed_operations and audit records are
// create-only appends, so a resumed run can never record (or act) twice under one id.

import { type AuditRecord, type ExecutedOperation, ExecutedOperationSchema } from '@escher/shared';
import type { RunnerState } from '../pipeline/state.js';
import type { OperationLog } from './operation-log.js';

export function stateOperationLog(state: RunnerState): OperationLog {
  return {
    async existing(ids) {
      const found = await Promise.all(
        ids.map(async (id) => ((await state.getRecord('executed_operations', id)) ? id : undefined)),
      );
      return new Set(found.filter((id): id is string => id !== undefined));
    },
    async stoppedByJob(job) {
      const records = await state.listRecords('executed_operations', `job:${job}@`);
      return new Set(
        records
          .map((r) => ExecutedOperationSchema.safeParse(r))
          .filter((r) => r.success && r.data.action === 'stop' && r.data.outcome === 'succeeded')
          .map((r) => String(r.data?.details.record_id)),
      );
    },
    async append(operations: readonly ExecutedOperation[], audit: readonly AuditRecord[]) {
      await state.appendRecords(
        'executed_operations',
        operations.map((op) => ({ id: op.id, payload: op })),
      );
      await state.appendRecords(
        'audit',
        audit.map((a) => ({ id: a.id, payload: a as unknown as Record<string, unknown> })),
      );
    },
  };
}
