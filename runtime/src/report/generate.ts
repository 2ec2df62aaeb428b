// The morning report run: settings → collectors (parallel, failures kept as reasons) →
// pure analysis against the previous report → summary by the AI server (the built-in one
// without it) → store in immutable_reports (create-only) → banner record and email/Slack
// summary. A dry run stores and sends nothing.

import type { Report } from '@escher/shared';
import type { AiClient } from '../ai/client.js';
import type { Logger } from '../log.js';
import { bannerRecord } from '../notify/channels/banner.js';
import type { DeliveryResult, Notifier } from '../notify/notification.js';
import { NotificationSchema } from '../notify/notification.js';
import type { RunnerState } from '../pipeline/state.js';
import { summarise } from './ai-summary.js';
import { buildReport } from './analyse/build-report.js';
import type { CollectContext, Collector, CollectScope } from './collectors/collector.js';
import { dayOf } from './collectors/cost-window.js';
import { COLLECTORS } from './collectors/registry.js';
import { type RunCollectorsOptions, runCollectors } from './collectors/run-collectors.js';
import { reportNotification } from './render/notification.js';
import { previousReport, readReport, readReportSettings, storeReport } from './report-store.js';
import { collectRuntimeHealth } from './runtime-alerts.js';

export interface GenerateDeps {
  state: RunnerState;
  scopes: CollectScope[];
  context: Omit<CollectContext, 'now' | 'thresholds' | 'state'>;
  clock: () => Date;
  notifier?: Notifier;
  /** The AI server that summarises the report; without one the built-in summary stands. */
  ai?: AiClient | undefined;
  log?: Logger;
  collectors?: readonly Collector[];
  onProgress?: RunCollectorsOptions['onDone'];
}

export interface GenerateResult {
  report: Report;
  /** False when a report for the day existed already (the stored one is returned). */
  stored: boolean;
  deliveries: DeliveryResult[];
}

export async function generateReport(
  deps: GenerateDeps,
  options: { date?: string; dryRun?: boolean } = {},
): Promise<GenerateResult> {
  const clock = deps.clock();
  const date = options.date ?? dayOf(clock);
  // A report for another day is built as of that day's start (02:00 UTC, the default schedule).
  const now = date === dayOf(clock) ? clock : new Date(`${date}T02:00:00.000Z`);
  if (!options.dryRun) {
    const existing = await readReport(deps.state, date);
    if (existing) return { report: existing, stored: false, deliveries: [] };
  }
  const settings = await readReportSettings(deps.state);
  const previous = await previousReport(deps.state, date);
  const { observed, statuses } = await runCollectors(
    deps.collectors ?? COLLECTORS,
    deps.scopes,
    { ...deps.context, state: deps.state, now, thresholds: settings.thresholds },
    { sections: settings.sections, ...(deps.onProgress ? { onDone: deps.onProgress } : {}) },
  );
  const runtime = settings.sections.includes('health')
    ? await collectRuntimeHealth(deps.state, now)
    : undefined;
  const built = buildReport({
    date,
    now,
    settings,
    observed,
    // Listed only when it failed, so the section says why the runtime's own alerts are missing.
    statuses: runtime?.status.status === 'unavailable' ? [...statuses, runtime.status] : statuses,
    previous,
    runtime: runtime?.health,
  });
  const report: Report = { ...built, summary: await summarise(built, deps.ai, deps.log) };
  if (options.dryRun) return { report, stored: false, deliveries: [] };
  const stored = await storeReport(deps.state, report);
  if (!stored) return { report: (await readReport(deps.state, date)) ?? report, stored, deliveries: [] };
  const notification = reportNotification(report);
  const banner = bannerRecord(NotificationSchema.parse(notification));
  await deps.state.putRecord('alerts_events', banner.id, banner as unknown as Record<string, unknown>);
  const deliveries = deps.notifier ? await deps.notifier.send(notification) : [];
  return { report, stored, deliveries };
}
