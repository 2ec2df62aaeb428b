// The runtime's own last 24 hours, for the health section: its alert records counted by
// severity and status, the remediations that failed and the triggers it dead-lettered.
// Pure: records in, summary and findings out. Records of an unexpected shape are skipped,
// never guessed at.

import {
  type CloudProvider,
  CloudProviderSchema,
  type RuntimeHealth,
  type Severity,
  SeveritySchema,
} from '@escher/shared';
import { z } from 'zod';
import { type FindingDraft, findingId } from './draft.js';

export const RUNTIME_WINDOW_MS = 24 * 3_600_000;

// Only the fields the summary reads; the full contract is AlertRecordSchema.
const AlertView = z.object({
  id: z.string().min(1),
  severity: SeveritySchema,
  status: z.string().min(1),
  event: z.object({ cloud_provider: CloudProviderSchema, account_id: z.string(), timestamp: z.string() }),
  timeline: z.array(z.object({ at: z.string() })).default([]),
  actions: z
    .array(
      z.object({
        action: z.string(),
        outcome: z.string(),
        target: z.object({ resource_id: z.string() }).loose(),
        finished_at: z.string(),
        error: z.string().optional(),
      }),
    )
    .default([]),
});
const DeadLetterView = z.object({
  id: z.string().min(1),
  at: z.string(),
  step: z.string(),
  error: z.object({ message: z.string() }).loose(),
});

/** When the runtime last worked on the alert: its last timeline entry, else the event time. */
function alertTime(alert: z.infer<typeof AlertView>): number {
  const times = [alert.event.timestamp, ...alert.timeline.map((t) => t.at)].map(Date.parse);
  return Math.max(...times.filter(Number.isFinite));
}

export function runtimeHealth(
  alertRecords: readonly Record<string, unknown>[],
  deadLetterRecords: readonly Record<string, unknown>[],
  now: Date,
): RuntimeHealth {
  const since = now.getTime() - RUNTIME_WINDOW_MS;
  const inWindow = (t: number) => t >= since && t <= now.getTime();
  const alerts = alertRecords
    .map((r) => AlertView.safeParse(r))
    .flatMap((p) => (p.success && inWindow(alertTime(p.data)) ? [p.data] : []));
  const bySeverity: Record<Severity, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, INFO: 0 };
  const byStatus: Record<string, number> = {};
  for (const a of alerts) {
    bySeverity[a.severity]++;
    byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  }
  const failed = alerts.flatMap((a) =>
    a.actions
      .filter((x) => x.outcome === 'failed')
      .map((x) => ({
        alert_id: a.id,
        action: x.action,
        cloud: a.event.cloud_provider,
        account: a.event.account_id,
        resource_id: x.target.resource_id,
        at: x.finished_at,
        ...(x.error ? { error: x.error } : {}),
      })),
  );
  const deadLetters = deadLetterRecords
    .map((r) => DeadLetterView.safeParse(r))
    .flatMap((p) => (p.success && inWindow(Date.parse(p.data.at)) ? [p.data] : []))
    .map((d) => ({ id: d.id, at: d.at, step: d.step, error: d.error.message }));
  const byId = (a: { id?: string; alert_id?: string }, b: { id?: string; alert_id?: string }) =>
    (a.id ?? a.alert_id ?? '').localeCompare(b.id ?? b.alert_id ?? '');
  return {
    since: new Date(since).toISOString(),
    alerts: { total: alerts.length, by_severity: bySeverity, by_status: byStatus },
    failed_remediations: failed.sort(byId),
    dead_letters: deadLetters.sort(byId),
  };
}

/** A failed remediation is a health finding on the resource it was meant to fix. */
export function runtimeFindings(health: RuntimeHealth): FindingDraft[] {
  return health.failed_remediations.map((f) => ({
    id: findingId('runtime_alert', f.cloud, f.account, `${f.action}:${f.resource_id}`),
    kind: 'runtime_alert' as const,
    section: 'health' as const,
    severity: 'HIGH' as const,
    cloud: f.cloud as CloudProvider,
    account: f.account,
    region: 'global',
    resource_id: f.resource_id,
    resource_name: f.resource_id,
    title: `Remediation ${f.action} failed on ${f.resource_id}`,
    detail: f.error ?? `alert ${f.alert_id}`,
    questions: [`Why did ${f.action} fail on ${f.resource_id}?`],
  }));
}
