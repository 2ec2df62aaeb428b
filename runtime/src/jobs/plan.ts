// Planning: what to do with each target after re-reading it live. Never act on what no
// longer matches the selector; skip what is already in the wanted state without a call.

import { type EstateResource, type JobSpec, matchesTags, parseTagExpression } from '@escher/shared';
import { ALREADY_THERE, type LiveResource } from './fleet.js';
import { isProduction } from './select-targets.js';

export type PlanStep =
  | { kind: 'act'; resource: EstateResource; live: LiveResource; note?: string }
  | { kind: 'skip'; resource: EstateResource; reason: string; live?: LiveResource };

export interface PlanContext {
  /** Targets this job stopped on an earlier run (estate record ids): RDS restarts after 7 days. */
  stoppedEarlier?: ReadonlySet<string>;
  /** Targets already acted on in this very run (a resumed run after a crash). */
  doneInThisRun?: ReadonlySet<string>;
  recordId: (r: EstateResource) => string;
}

export function planStep(
  spec: JobSpec,
  resource: EstateResource,
  live: LiveResource | undefined,
  ctx: PlanContext,
): PlanStep {
  const id = ctx.recordId(resource);
  if (ctx.doneInThisRun?.has(id))
    return { kind: 'skip', resource, reason: 'already done earlier in this run' };
  if (!live || live.state === 'missing') return { kind: 'skip', resource, reason: 'no longer exists' };
  if (!matchesTags(parseTagExpression(spec.selector.tags), live.tags)) {
    return {
      kind: 'skip',
      resource,
      live,
      reason: 'tags changed since the snapshot; it no longer matches the selector',
    };
  }
  if (isProduction({ tags: live.tags }) && !spec.guardrails.allow_production) {
    return {
      kind: 'skip',
      resource,
      live,
      reason: 'now tagged environment=production; the job does not allow production',
    };
  }
  if (ALREADY_THERE[spec.action].includes(live.state)) {
    return { kind: 'skip', resource, live, reason: `already ${live.state}` };
  }
  if (live.state === 'terminated') return { kind: 'skip', resource, live, reason: 'terminated' };
  if (
    spec.action === 'stop' &&
    resource.resource_type === 'database_instance' &&
    resource.cloud_provider === 'aws' &&
    ctx.stoppedEarlier?.has(id)
  ) {
    return {
      kind: 'act',
      resource,
      live,
      note: 'AWS restarted it after 7 days stopped; stopping it again',
    };
  }
  return { kind: 'act', resource, live };
}

export function planJob(
  spec: JobSpec,
  targets: readonly EstateResource[],
  live: ReadonlyMap<string, LiveResource>,
  ctx: PlanContext,
): PlanStep[] {
  return targets.map((r) => planStep(spec, r, live.get(ctx.recordId(r)), ctx));
}
