// executed_operations and audit records for one job run. Operation ids are stable per
// (job run, target), so a run resumed after a crash finds what it already did.

import {
  type AuditRecord,
  type EstateResource,
  type ExecutedOperation,
  estateRecordId,
  type JobSpec,
  type OperationOutcome,
} from '@escher/shared';

/** "<job>@<scheduled instant>": one id per scheduled run, whoever triggers it. */
export function jobRunId(job: string, scheduledFor: Date): string {
  return `${job}@${scheduledFor.toISOString()}`;
}

export function operationId(runId: string, resource: EstateResource): string {
  return `job:${runId}:${estateRecordId(resource)}`;
}

export interface OutcomeInput {
  resource: EstateResource;
  outcome: OperationOutcome;
  reason: string;
  error?: string;
  verified?: boolean;
  state?: string;
}

const UNDO: Record<JobSpec['action'], string> = {
  stop: 'start the instance again',
  deallocate: 'start the VM again',
  hibernate: 'start the instance again (memory is restored)',
  start: 'stop the instance again',
};

export function buildRecords(
  spec: JobSpec,
  runId: string,
  items: readonly OutcomeInput[],
  times: { started: Date; finished: Date },
  actor: string,
): { operations: ExecutedOperation[]; audit: AuditRecord[] } {
  const operations = items.map(
    (item): ExecutedOperation => ({
      id: operationId(runId, item.resource),
      kind: 'job',
      action: spec.action,
      target: {
        cloud: item.resource.cloud_provider,
        account: item.resource.account_id,
        region: item.resource.region,
        resource_type: item.resource.resource_type,
        resource_id: item.resource.resource_id,
        ...(item.resource.name ? { name: item.resource.name } : {}),
      },
      outcome: item.outcome,
      reason: item.reason,
      started_at: times.started.toISOString(),
      finished_at: times.finished.toISOString(),
      source: { kind: 'job', id: runId },
      ...(item.verified !== undefined ? { verified: item.verified } : {}),
      ...(item.error ? { error: item.error } : {}),
      undo: UNDO[spec.action],
      details: { record_id: estateRecordId(item.resource), ...(item.state ? { state: item.state } : {}) },
    }),
  );
  const audit = operations.map(
    (op): AuditRecord => ({
      id: `audit:${op.id}`,
      at: op.finished_at,
      actor,
      action: `job.${spec.action}`,
      target: op.target,
      outcome: op.outcome,
      subject: { collection: 'executed_operations', id: op.id },
      summary: `${spec.name}: ${op.outcome} ${spec.action} ${op.target.resource_id} (${op.reason})`,
    }),
  );
  return { operations, audit };
}
