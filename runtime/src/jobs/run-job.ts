// One run of a scheduled job: select targets from the estate, check guardrails, re-read
// them live, plan, act (unless dry-run), verify, record and notify. I/O comes in through
// `deps`; every decision is made by the pure steps it calls.

import {
  type EstateResource,
  type ExecutedOperation,
  estateRecordId,
  type JobSpec,
  type Snooze,
} from '@escher/shared';
import type { Notifier } from '../notify/notification.js';
import { executeActions, groupByScope } from './execute.js';
import type { FleetProvider, LiveResource } from './fleet.js';
import { checkGuardrails } from './guardrails.js';
import { mapLimited } from './limit.js';
import { jobNotification, type SnoozeLinks } from './notification.js';
import type { OperationLog } from './operation-log.js';
import { planJob } from './plan.js';
import { buildRecords, jobRunId, type OutcomeInput, operationId } from './records.js';
import { selectTargets } from './select-targets.js';
import { snoozeFor } from './snooze.js';
import { summarize } from './summary.js';

export interface JobRunDeps {
  estate: () => Promise<readonly EstateResource[]>;
  fleets: FleetProvider;
  log: OperationLog;
  notifier?: Notifier;
  snoozes?: readonly Snooze[];
  clock?: () => Date;
  /** Who acts, for the audit log (e.g. "runner:<host>"). */
  actor: string;
  /** Builds the "Skip tonight" / "Delay 2 h" links for the next run, when links can be served. */
  snoozeLinks?: SnoozeLinks;
}

export interface JobRunResult {
  runId: string;
  summary: string;
  operations: ExecutedOperation[];
  /** Set when a snooze skipped the run; nothing was read or touched. */
  snoozed?: Snooze;
}

async function describeLive(targets: readonly EstateResource[], fleets: FleetProvider) {
  const live = new Map<string, LiveResource>();
  const unreadable = new Map<string, string>();
  const groups = [...groupByScope(targets.map((resource) => ({ resource }))).values()];
  await mapLimited(groups, 8, async ({ scope, items }) => {
    try {
      const found = await (await fleets(scope)).describe(items.map((i) => i.resource.resource_id));
      for (const { resource } of items) {
        const state = found.get(resource.resource_id);
        if (state) live.set(estateRecordId(resource), state);
      }
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      for (const { resource } of items) unreadable.set(estateRecordId(resource), why);
    }
  });
  return { live, unreadable };
}

export async function runJob(spec: JobSpec, scheduledFor: Date, deps: JobRunDeps): Promise<JobRunResult> {
  const clock = deps.clock ?? (() => new Date());
  const runId = jobRunId(spec.name, scheduledFor);
  const snoozed = snoozeFor(deps.snoozes ?? [], spec.name, scheduledFor);
  if (snoozed?.kind === 'skip') {
    return {
      runId,
      summary: `Skipped ${spec.name}: snoozed by ${snoozed.created_by}`,
      operations: [],
      snoozed,
    };
  }
  const started = clock();
  const selection = selectTargets(spec, await deps.estate());
  checkGuardrails(spec, selection);

  const targets = selection.targets;
  const done = await deps.log.existing(targets.map((r) => operationId(runId, r)));
  const pending = targets.filter((r) => !done.has(operationId(runId, r)));
  const { live, unreadable } = await describeLive(pending, deps.fleets);
  const stoppedEarlier = await deps.log.stoppedByJob(spec.name);
  const plan = planJob(spec, pending, live, { stoppedEarlier, recordId: estateRecordId });

  const outcomes: OutcomeInput[] = selection.held.map(({ resource, reason }) => ({
    resource,
    outcome: 'skipped',
    reason,
  }));
  const acts: { resource: EstateResource; note?: string }[] = [];
  for (const step of plan) {
    const why = unreadable.get(estateRecordId(step.resource));
    if (why !== undefined) {
      outcomes.push({
        resource: step.resource,
        outcome: 'failed',
        reason: 'could not re-verify it live; not touched',
        error: why,
      });
    } else if (step.kind === 'skip') {
      outcomes.push({
        resource: step.resource,
        outcome: 'skipped',
        reason: step.reason,
        ...(step.live ? { state: step.live.state } : {}),
      });
    } else if (spec.dry_run) {
      outcomes.push({
        resource: step.resource,
        outcome: 'dry_run',
        reason: `would ${spec.action} (now ${step.live.state})`,
      });
    } else {
      acts.push({ resource: step.resource, ...(step.note ? { note: step.note } : {}) });
    }
  }
  for (const result of await executeActions(spec.action, acts, deps.fleets)) {
    outcomes.push({
      resource: result.resource,
      outcome: result.ok ? 'succeeded' : 'failed',
      reason: result.note ?? (result.ok ? `${spec.action} by job ${spec.name}` : `${spec.action} failed`),
      verified: result.ok,
      ...(result.error ? { error: result.error } : {}),
      ...(result.state ? { state: result.state } : {}),
    });
  }

  const finished = clock();
  const records = buildRecords(spec, runId, outcomes, { started, finished }, deps.actor);
  await deps.log.append(records.operations, records.audit);
  const count = (o: string) => outcomes.filter((x) => x.outcome === o);
  const summary = summarize({
    action: spec.action,
    done: (spec.dry_run ? count('dry_run') : count('succeeded')).map((o) => o.resource),
    failed: count('failed').length,
    skipped: count('skipped').length,
    durationMs: finished.getTime() - started.getTime(),
    dryRun: spec.dry_run,
  });
  if (deps.notifier)
    await deps.notifier.send(
      jobNotification({
        spec,
        runId,
        summary,
        operations: records.operations,
        at: finished,
        scheduledFor,
        links: deps.snoozeLinks,
      }),
    );
  return { runId, summary, operations: records.operations };
}
