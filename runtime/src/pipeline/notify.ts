// Step: notify. One notification per alert, routed by severity by the Notifier; a
// CRITICAL that was fixed goes out as resolved. The dedup key is the event id, so a
// redelivered event cannot page twice on channels that deduplicate; for the others each
// channel's result is checkpointed as it lands, so a rerun after a crash mid-send sends
// only to the channels still owed it.

import type { AlertRecord } from '@escher/shared';
import { CHANNEL_NAMES } from '../notify/channel.js';
import type { DeliveryResult, NotificationInput, Notifier } from '../notify/notification.js';
import { notifyText } from './describe.js';
import type { Journal } from './journal.js';
import { STEP_INDEX } from './steps.js';

/** Each channel's checkpoint has a fixed slot after notify's, whatever else is configured. */
const channelSlot = (channel: string) =>
  STEP_INDEX.notify + 1 + CHANNEL_NAMES.indexOf(channel as (typeof CHANNEL_NAMES)[number]);

/**
 * Sends the notification to every routed channel exactly once across reruns, short of a
 * crash between a channel's answer and its checkpoint (then that channel alone gets it again;
 * PagerDuty folds the repeat by its dedup key).
 */
export function notifyOnce(notifier: Notifier, journal: Journal, notification: NotificationInput) {
  return journal.step('notify', STEP_INDEX.notify, async () => {
    const earlier = CHANNEL_NAMES.flatMap((name) => journal.output<DeliveryResult>(channelSlot(name)) ?? []);
    const now = await notifier.send(notification, {
      skip: new Set(earlier.map((r) => r.channel)),
      onDelivered: (r) => journal.detail(`notify:${r.channel}`, channelSlot(r.channel), notifyText([r]), r),
    });
    const results = [...earlier, ...now];
    return { text: notifyText(results), data: results };
  });
}

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
