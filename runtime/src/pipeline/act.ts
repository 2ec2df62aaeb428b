// Step: act. Runs one decided action through its catalog entry: re-check live state
// (so a rerun after a crash finds the work done and does nothing), then apply. Dry runs
// stop after the check and report the plan. Errors propagate to the run with their kind.

import type { ActionResult, DecidedAction } from '@escher/shared';
import { catalogEntry } from '@escher/shared';
import { ConfigError } from '../errors.js';
import type { ExecutorContext } from '../remediation/executor.js';
import type { PipelineDeps } from './deps.js';

export const operationId = (eventId: string, a: Pick<DecidedAction, 'action' | 'target'>) =>
  `op:${eventId}|${a.action}|${a.target.resource_id}`;

export async function resolveExecutor(
  deps: PipelineDeps,
  decided: Pick<DecidedAction, 'action' | 'target' | 'params'>,
) {
  const load = deps.executors[decided.action];
  const provider = deps.clients[decided.target.cloud];
  if (!load || !provider) {
    throw new ConfigError(`${decided.action} is not available in this runner build`, {
      hint: `disable ${catalogEntry(decided.action).setting} or use a runner that includes ${decided.target.cloud} support`,
    });
  }
  const [executor, clients] = await Promise.all([load(), provider(decided.target)]);
  const ctx: ExecutorContext = {
    target: { ...decided.target, params: decided.params },
    log: deps.log.child({ action: decided.action }),
  };
  return { executor, clients, ctx };
}

export async function act(deps: PipelineDeps, opId: string, decided: DecidedAction): Promise<ActionResult> {
  const started_at = deps.clock().toISOString();
  const { executor, clients, ctx } = await resolveExecutor(deps, decided);
  const base = {
    operation_id: opId,
    action: decided.action,
    target: decided.target,
    undo: executor.undo,
    started_at,
  };
  const check = await executor.check(ctx, clients);
  if (decided.disposition === 'dry_run') {
    const reason = check.needed
      ? `dry run: would ${check.plan.join('; ')}`
      : `dry run: ${check.reason}, nothing to do`;
    return {
      ...base,
      outcome: 'dry_run',
      reason,
      plan: check.plan,
      changes: [],
      finished_at: deps.clock().toISOString(),
    };
  }
  if (!check.needed) {
    return {
      ...base,
      outcome: 'skipped',
      reason: check.reason,
      plan: [],
      changes: [],
      finished_at: deps.clock().toISOString(),
    };
  }
  const applied = await executor.apply(ctx, clients);
  return {
    ...base,
    outcome: 'succeeded',
    reason: `${decided.reason}; ${check.reason}`,
    plan: check.plan,
    changes: applied.changes,
    finished_at: deps.clock().toISOString(),
  };
}

/** Step: verify. Re-reads live state after the change; only changed or skipped actions are verified. */
export async function verifyAction(
  deps: PipelineDeps,
  decided: DecidedAction,
  result: ActionResult,
): Promise<ActionResult> {
  if (result.outcome !== 'succeeded' && result.outcome !== 'skipped') return result;
  const { executor, clients, ctx } = await resolveExecutor(deps, decided);
  const verdict = await executor.verify(ctx, clients);
  return {
    ...result,
    verified: verdict.ok,
    observed: verdict.observed,
    ...(verdict.ok ? {} : { outcome: 'failed', error: 'verification failed' }),
  };
}
