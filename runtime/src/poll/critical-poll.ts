// One CRITICAL poll (Local Only alerts by polling, once a minute): the registered security
// collectors of every configured account, their CRITICAL findings against the open ones,
// and each new finding through the pipeline as a unified event, so pre-approved
// remediations and severity-routed notifications apply as for a pushed event. Approved
// actions waiting for a runner are carried out too, as an event run would.

import type { CollectorStatus } from '@escher/shared';
import type { PipelineDeps } from '../pipeline/deps.js';
import { runApprovedActions } from '../pipeline/run-approved.js';
import { runEvent } from '../pipeline/run-event.js';
import type { CollectContext, Collector, CollectScope } from '../report/collectors/collector.js';
import { COLLECTORS } from '../report/collectors/registry.js';
import { runCollectors } from '../report/collectors/run-collectors.js';
import { readReportSettings } from '../report/report-store.js';
import { criticalFindings } from './critical-findings.js';
import { findingEvent } from './finding-event.js';
import { openFindings, reconcile } from './open-findings.js';

export interface CriticalPollDeps {
  pipeline: PipelineDeps;
  scopes: readonly CollectScope[];
  context: Omit<CollectContext, 'now' | 'thresholds' | 'state'>;
  /** Default: every registered collector (only the security section runs). */
  collectors?: readonly Collector[];
}

export interface PollReport {
  /** CRITICAL findings open after this poll. */
  open: number;
  /** Event ids that went through the pipeline this time. */
  alerted: string[];
  resolved: number;
  /** Collectors that could not read an account; its findings stay open, none is resolved. */
  unavailable: CollectorStatus[];
}

export async function pollCritical(deps: CriticalPollDeps): Promise<PollReport> {
  const { pipeline } = deps;
  const now = pipeline.clock();
  const settings = await readReportSettings(pipeline.state);
  const { observed, statuses } = await runCollectors(
    deps.collectors ?? COLLECTORS,
    deps.scopes,
    { ...deps.context, state: pipeline.state, now, thresholds: settings.thresholds },
    { sections: ['security'] },
  );
  const polled = new Set(statuses.filter((s) => s.status === 'ok').map((s) => `${s.cloud}/${s.account}`));
  // A cloud without a config section is "not configured", which is no news every minute.
  const unavailable = statuses.filter((s) => s.status !== 'ok' && s.account !== '');
  for (const s of unavailable) pipeline.log.warn('critical poll could not read an account', { ...s });

  const store = openFindings(pipeline.state);
  const result = reconcile(await store.list(), criticalFindings(observed), polled, now);
  for (const o of result.resolved) await store.save(o);
  await runApprovedActions(pipeline);
  const alerted: string[] = [];
  for (const o of result.toAlert) {
    // Saved first: a poll that stops midway keeps the episode, so the retry has the same event id.
    await store.save(o);
    const event = findingEvent(o.finding, o.first_seen);
    const outcome = await runEvent(pipeline, event, { dryRun: false });
    if (outcome.status === 'done') {
      await store.save({ ...o, alerted: true });
      alerted.push(event.event_id);
    } else {
      pipeline.log.warn('critical finding not alerted yet; the next poll tries again', {
        event_id: event.event_id,
        status: outcome.status,
      });
    }
  }
  return { open: result.open.length, alerted, resolved: result.resolved.length, unavailable };
}
