// Step: record. Builds the alert record (pure) and writes it with its executed
// operations, audit records, approval requests and an incident index entry. Ids derive
// from the event and the action, so a rerun's writes are refused as duplicates.

import type {
  ActionResult,
  AlertRecord,
  ApprovalRequest,
  AuditRecord,
  DecidedAction,
  ExecutedOperation,
  PreviousIncident,
} from '@escher/shared';
import { approvalId } from '../policy/decide.js';
import type { PipelineDeps } from './deps.js';
import { incidentPrefix } from './load-state.js';

export function alertStatus(
  decision: DecidedAction[],
  actions: ActionResult[],
  dryRun: boolean,
): AlertRecord['status'] {
  if (actions.some((a) => a.outcome === 'failed')) return 'failed';
  if (actions.some((a) => a.outcome === 'succeeded' || (a.outcome === 'skipped' && a.verified)))
    return 'remediated';
  if (decision.some((d) => d.disposition === 'pending_approval')) return 'pending_approval';
  if (dryRun || decision.some((d) => d.disposition === 'dry_run')) return 'dry_run';
  return 'notified';
}

export function operationOf(alert: AlertRecord, a: ActionResult): ExecutedOperation {
  return {
    id: a.operation_id,
    kind: 'remediation',
    action: a.action,
    target: a.target,
    outcome: a.outcome,
    reason: a.reason,
    started_at: a.started_at,
    finished_at: a.finished_at,
    source: { kind: 'event', id: alert.id },
    ...(a.verified !== undefined ? { verified: a.verified } : {}),
    ...(a.error ? { error: a.error } : {}),
    ...(a.undo ? { undo: a.undo } : {}),
    details: { changes: a.changes, plan: a.plan, observed: a.observed ?? null },
  };
}

export function auditOf(op: ExecutedOperation, actor: string): AuditRecord {
  return {
    id: `audit:${op.id}`,
    at: op.finished_at,
    actor,
    action: op.action,
    target: op.target,
    outcome: op.outcome,
    subject: { collection: 'executed_operations', id: op.id },
    summary: `${op.action} on ${op.target.resource_id}: ${op.outcome} — ${op.reason}`,
  };
}

export async function writeRecords(
  deps: PipelineDeps,
  alert: AlertRecord,
): Promise<{ operations: number; audits: number }> {
  const ops = alert.actions.map((a) => operationOf(alert, a));
  const audit = ops.map((op) => auditOf(op, deps.actor));
  const operations = await deps.state.appendRecords(
    'executed_operations',
    ops.map((op) => ({ id: op.id, payload: op })),
  );
  const audits = await deps.state.appendRecords(
    'audit',
    audit.map((a) => ({ id: a.id, payload: a as unknown as Record<string, unknown> })),
  );
  // Mirrored even when the state had them: a crash may have come between the two writes.
  for (const a of audit) await deps.auditMirror?.put(a.id, a as unknown as Record<string, unknown>);
  for (const d of alert.decision.filter((x) => x.disposition === 'pending_approval')) {
    const request: ApprovalRequest = {
      id: approvalId(alert.id, d),
      event_id: alert.id,
      action: d.action,
      target: d.target,
      reason: d.reason,
      requested_at: deps.clock().toISOString(),
      status: 'pending',
    };
    await deps.state.appendRecord('alerts_events', `approval:${request.id}`, request);
  }
  const incident: PreviousIncident = {
    event_type: alert.event.event_type,
    at: alert.event.timestamp,
    severity: alert.severity,
    outcome: alert.status,
  };
  await deps.state.putRecord('alerts_events', `${incidentPrefix(alert.event)}${alert.id}`, incident);
  await deps.state.putRecord(
    'alerts_events',
    `alert:${alert.id}`,
    alert as unknown as Record<string, unknown>,
  );
  return { operations: operations.length, audits: audits.length };
}
