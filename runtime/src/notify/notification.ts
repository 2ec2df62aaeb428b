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

/** Sends one notification to every channel its severity routes to; never throws. */
export interface Notifier {
  send(notification: NotificationInput): Promise<DeliveryResult[]>;
}
