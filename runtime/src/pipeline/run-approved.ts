// Approvals decided since the last run: each approved request is carried out by the
// next run, through the same catalog entry, and recorded like any remediation (with the
// approval as its source). The request is marked executed, so it runs once.

import { randomUUID } from 'node:crypto';
import {
  type ActionResult,
  type ApprovalRequest,
  ApprovalRequestSchema,
  type DecidedAction,
} from '@escher/shared';
import { asEscherError } from '../errors.js';
import { act, verifyAction } from './act.js';
import type { PipelineDeps } from './deps.js';
import { auditOf } from './record.js';
import type { ItemResult } from './result.js';

export async function runApprovedActions(deps: PipelineDeps): Promise<ItemResult[]> {
  const all = await deps.state.listRecords('alerts_events', 'approval:');
  const approved = all.map((a) => ApprovalRequestSchema.parse(a)).filter((a) => a.status === 'approved');
  const items: ItemResult[] = [];
  for (const request of approved) {
    try {
      await carryOut(deps, request);
      items.push({ status: 'done', id: request.id, duplicate: false });
    } catch (err) {
      items.push({ status: 'retry', id: request.id, error: asEscherError(err) });
    }
  }
  return items;
}

async function carryOut(deps: PipelineDeps, request: ApprovalRequest): Promise<void> {
  const key = `approval|${request.id}`;
  const owner = `${deps.actor}#${randomUUID()}`;
  if (!(await deps.state.claim(key, owner, deps.clock(), deps.leaseMs))) return;
  try {
    const decided: DecidedAction = {
      action: request.action,
      target: request.target,
      params: {},
      disposition: 'execute',
      reason: `approved by ${request.decided_by ?? 'the user'}`,
    };
    const opId = `op:approval:${request.id}`;
    const result: ActionResult = await verifyAction(deps, decided, await act(deps, opId, decided));
    const op = {
      id: opId,
      kind: 'approval' as const,
      action: result.action,
      target: result.target,
      outcome: result.outcome,
      reason: result.reason,
      started_at: result.started_at,
      finished_at: result.finished_at,
      source: { kind: 'approval' as const, id: request.id },
      ...(result.verified !== undefined ? { verified: result.verified } : {}),
      ...(result.undo ? { undo: result.undo } : {}),
      details: { changes: result.changes, observed: result.observed ?? null },
    };
    await deps.state.appendRecord('executed_operations', op.id, op);
    await deps.state.appendRecord('audit', `audit:${op.id}`, auditOf(op, deps.actor));
    await deps.state.updateRecord('alerts_events', `approval:${request.id}`, (current) => ({
      ...(current ?? request),
      status: 'executed',
    }));
    deps.log.info('approved action carried out', { approval: request.id, outcome: result.outcome });
  } finally {
    await deps.state.release(key, owner);
  }
}
