// Step: notify. One notification per alert, routed by severity by the Notifier; a
// CRITICAL that was fixed goes out as resolved. The dedup key is the event id, so a
// redelivered event cannot page twice on channels that deduplicate.

import type { AlertRecord } from '@escher/shared';
import type { NotificationInput } from '../notify/notification.js';

const STATUS_TEXT: Record<AlertRecord['status'], string> = {
  remediated: 'auto-remediated',
  pending_approval: 'approval needed',
  dry_run: 'dry run, nothing changed',
  notified: 'no action taken',
  failed: 'remediation FAILED',
};

export function notificationFor(alert: Omit<AlertRecord, 'notifications'>, at: Date): NotificationInput {
  const e = alert.event;
  const what = `${e.resource.type.replaceAll('_', ' ')} ${e.resource.name || e.resource.id}`;
  const lines = [
    `Account ${e.account_id} (${e.cloud_provider}, ${e.region})`,
    `Why ${alert.severity}: ${alert.severity_reason}`,
    `Root cause: ${alert.analysis.response.root_cause}`,
    ...alert.actions.map(
      (a) => `${a.action}: ${a.outcome}${a.changes.length ? ` — ${a.changes.join('; ')}` : ''}`,
    ),
    ...alert.decision
      .filter((d) => d.disposition === 'pending_approval')
      .map((d) => `Needs approval: ${d.action} (escher approvals list)`),
  ];
  if (alert.exposure_seconds !== undefined)
    lines.push(`Exposure time: ${alert.exposure_seconds.toFixed(1)} s`);
  return {
    dedup_key: e.event_id,
    severity: alert.severity,
    title: `${alert.severity}: ${what} — ${e.event_type.replaceAll('_', ' ')} (${STATUS_TEXT[alert.status]})`,
    summary: alert.analysis.response.impact,
    lines,
    resolved: alert.status === 'remediated',
    source: 'remediation',
    at: at.toISOString(),
  };
}
