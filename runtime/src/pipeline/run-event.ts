// One event through the whole pipeline: claim → accept → normalise → load state → enrich
// → analyse → decide → act → verify → notify → record → commit. Each step is journalled,
// so redeliveries and reruns after a crash finish the work exactly once.

import { randomUUID } from 'node:crypto';
import type { ActionResult, AlertRecord, DecidedAction, UnifiedEvent } from '@escher/shared';
import { analyse } from '../ai/analyst.js';
import { buildAnalysisRequest } from '../ai/request-builder.js';
import { asEscherError, TransientError } from '../errors.js';
import { candidatesFor } from '../policy/candidates.js';
import { decide } from '../policy/decide.js';
import { act, operationId, verifyAction } from './act.js';
import { deadLetter } from './dead-letter.js';
import type { PipelineDeps, RunOptions } from './deps.js';
import * as text from './describe.js';
import { enrich } from './enrich.js';
import { Journal } from './journal.js';
import { loadState } from './load-state.js';
import { notificationFor, notifyOnce } from './notify.js';
import { overlayState } from './overlay-state.js';
import { alertStatus, writeRecords } from './record.js';
import type { ItemResult } from './result.js';
import { STEP_INDEX as I } from './steps.js';

export async function runEvent(
  live: PipelineDeps,
  event: UnifiedEvent,
  options: RunOptions,
): Promise<ItemResult> {
  // A dry run reads the real state but writes only to memory: it changes nothing anywhere.
  const deps = options.dryRun ? { ...live, state: overlayState(live.state) } : live;
  const key = event.event_id;
  const log = deps.log.child({ event_id: event.event_id });
  const duplicate = async (): Promise<ItemResult> => {
    const alert = await deps.state.getRecord('alerts_events', `alert:${event.event_id}`);
    return { status: 'done', id: event.event_id, alert: alert as AlertRecord | undefined, duplicate: true };
  };
  if (await deps.state.completion(key)) return duplicate();
  await deps.state.accept(key, event.raw_event, deps.clock());
  // Each run is its own lease owner: two deliveries in one process must not share a claim.
  const owner = `${deps.actor}#${randomUUID()}`;
  if (!(await deps.state.claim(key, owner, deps.clock(), deps.leaseMs))) {
    const error = new TransientError(`event ${event.event_id} is being processed by another runner`, {
      hint: 'the platform retries later; the retry finds the work done',
    });
    return { status: 'retry', id: event.event_id, error };
  }
  // A run that finished between our first look and our claim leaves its marker: done.
  if (await deps.state.completion(key)) {
    await deps.state.release(key, owner);
    return duplicate();
  }
  const journal = new Journal(
    deps.state,
    key,
    await deps.state.checkpoints(key),
    deps.clock,
    deps.boundary,
    log,
  );
  try {
    const alert = await steps(deps, event, options, journal);
    await writeRecords(deps, alert);
    deps.boundary('record');
    await deps.state.complete(key, { at: deps.clock().toISOString(), status: alert.status });
    deps.boundary('commit');
    log.info('event processed', { status: alert.status, severity: alert.severity });
    return { status: 'done', id: event.event_id, alert, duplicate: false };
  } catch (err) {
    const error = asEscherError(err);
    if (error.exitCode !== 2) {
      log.error('run failed; the platform will retry', { error });
      return { status: 'retry', id: event.event_id, error };
    }
    const deadLetterId = await deadLetter(deps, {
      id: event.event_id,
      step: journal.current,
      error,
      raw: event.raw_event,
    });
    await deps.state.complete(key, {
      at: deps.clock().toISOString(),
      status: 'dead_lettered',
      dead_letter: deadLetterId,
    });
    return { status: 'bad_input', id: event.event_id, error, deadLetterId };
  } finally {
    await deps.state.release(key, owner);
  }
}

async function steps(
  deps: PipelineDeps,
  event: UnifiedEvent,
  options: RunOptions,
  journal: Journal,
): Promise<AlertRecord> {
  // Nothing before act changes anything: those steps are checkpointed together before it.
  const defer = { defer: true };
  await journal.step(
    'accept',
    I.accept,
    async () => ({ text: 'Escher runner started: event accepted', data: null }),
    defer,
  );
  await journal.step(
    'normalise',
    I.normalise,
    async () => ({ text: `Normalised: ${text.eventText(event)}`, data: null }),
    defer,
  );
  journal.current = 'load_state';
  const loaded = await loadState(deps.state, event);
  await journal.step(
    'load_state',
    I.load_state,
    async () => ({
      text: `State loaded: ${loaded.estate ? 'resource found in the estate' : 'resource not in the estate'}, ${loaded.previousIncidents.length} earlier incident(s)`,
      data: null,
    }),
    defer,
  );
  const enrichment = enrich(event, loaded, deps.deployed);
  await journal.step(
    'enrich',
    I.enrich,
    async () => ({ text: text.enrichText(enrichment), data: null }),
    defer,
  );
  const candidates = candidatesFor(event, enrichment.settings);
  const analysis = await journal.step(
    'analyse',
    I.analyse,
    async () => {
      const request = buildAnalysisRequest(
        { ...event, severity: enrichment.severity },
        enrichment,
        { actions: candidates.map((c) => c.action), targets: candidates.map((c) => c.target.resource_id) },
        deps.redactor,
      );
      // An unclassified event needs no action and no analysis: the built-in analyst records it.
      const ai = event.event_type === 'unclassified' ? undefined : deps.ai;
      const outcome = await analyse(request, ai, deps.log);
      return { text: text.analyseText(outcome.info, outcome.response), data: outcome };
    },
    defer,
  );
  const decision = await journal.step(
    'decide',
    I.decide,
    async () => {
      const data = decide(event.event_id, {
        candidates,
        settings: enrichment.settings,
        deployed: deps.deployed,
        analysis: analysis.response,
        approvals: new Map(loaded.approvals.map((a) => [a.id, a])),
        facts: { account: event.account_id, environment: enrichment.environment, tags: enrichment.tags },
        dryRun: options.dryRun,
      });
      return { text: text.decideText(data), data };
    },
    defer,
  );
  await journal.flush();
  const actions = await actAll(deps, event, decision, journal);
  const base: Omit<AlertRecord, 'notifications' | 'timeline'> = {
    id: event.event_id,
    event,
    severity: enrichment.severity,
    severity_reason: enrichment.severity_reason,
    enrichment: {
      environment: enrichment.environment ?? null,
      data_classification: enrichment.data_classification ?? null,
      owner: enrichment.owner ?? null,
      in_estate: enrichment.in_estate,
      previous_incidents: enrichment.previous_incidents,
      mode: enrichment.settings.mode,
    },
    analysis,
    decision,
    actions,
    status: alertStatus(decision, actions, options.dryRun),
    dry_run: options.dryRun,
    ...exposure(event, actions, journal),
  };
  const notifications = options.dryRun
    ? []
    : await notifyOnce(deps.notifier, journal, notificationFor({ ...base, timeline: [] }, deps.clock()));
  const timeline = [
    { at: event.timestamp, step: 'event' as const, text: text.eventText(event) },
    ...journal.timeline(),
  ];
  return { ...base, notifications, timeline };
}

async function actAll(deps: PipelineDeps, event: UnifiedEvent, decision: DecidedAction[], journal: Journal) {
  const results: ActionResult[] = [];
  const runnable = decision.filter((d) => d.disposition === 'execute' || d.disposition === 'dry_run');
  for (const [i, d] of runnable.entries()) {
    const opId = operationId(event.event_id, d);
    const done = await journal.step(`act#${i}`, I.act + i, async () => {
      const data = await act(deps, opId, d);
      return { text: text.actText(data), data };
    });
    if (done.outcome === 'dry_run') {
      results.push(done);
      continue;
    }
    const verified = await journal.step(`verify#${i}`, I.verify + i, async () => {
      const data = await verifyAction(deps, d, done);
      return { text: text.verifyText(data), data };
    });
    results.push(verified);
  }
  return results;
}

function exposure(
  event: UnifiedEvent,
  actions: ActionResult[],
  journal: Journal,
): { exposure_seconds?: number } {
  const fixed = actions.some((a) => a.verified && a.outcome !== 'dry_run');
  const at = journal.at('verify');
  if (!fixed || !at) return {};
  return { exposure_seconds: Math.max(0, (Date.parse(at) - Date.parse(event.timestamp)) / 1000) };
}
