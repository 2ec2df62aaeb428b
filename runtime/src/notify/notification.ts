// What the runner tells people. One shape for every sender (remediation, jobs, the morning
// report) and every channel (SNS email/SMS, Slack, Teams, PagerDuty, webhook, banner);
// channels render it, routing by severity decides which channels get it.

import { z } from 'zod';

export const NotificationSeveritySchema = z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'INFO']);

export const NotificationSchema = z.object({
  /** Stable per incident or run: channels that deduplicate (PagerDuty) key on it. */
  dedup_key: z.string().min(1),
  severity: NotificationSeveritySchema,
  title: z.string().min(1),
  summary: z.string(),
  /** Bullet lines under the summary. */
  lines: z.array(z.string()).default([]),
  /** Link-style actions ("Approve", "Skip tonight") the reader can follow. */
  actions: z.array(z.object({ label: z.string().min(1), url: z.url() })).default([]),
  /** True when this closes an earlier notification with the same dedup_key (e.g. auto-resolved). */
  resolved: z.boolean().default(false),
  source: z.enum(['remediation', 'job', 'report', 'approval']),
  at: z.iso.datetime(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export type NotificationInput = z.input<typeof NotificationSchema>;

export interface DeliveryResult {
  channel: string;
  ok: boolean;
  error?: string;
}

export interface SendOptions {
  /** Channels that have this notification already (a rerun after a crash mid-send). */
  skip?: ReadonlySet<string>;
  /** Called as each channel finishes, before send resolves: where a caller records it. */
  onDelivered?: (result: DeliveryResult) => Promise<void>;
}

/**
 * Sends one notification to every channel its severity routes to. A channel's failure comes
 * back as its result, never as a throw; only a failing onDelivered (the caller's own
 * bookkeeping) rejects.
 */
export interface Notifier {
  /** The results of the channels sent to now (skipped ones are left out). */
  send(notification: NotificationInput, options?: SendOptions): Promise<DeliveryResult[]>;
}
