// Which channels a severity reaches (the seed's "Notification via cloud-native services").
// Pure: the notifier intersects this with the channels that are configured.

import type { ChannelName } from './channel.js';
import type { Notification } from './notification.js';

/**
 * CRITICAL pages people (email, SMS, Slack/PagerDuty, plus Teams and the webhook when set up);
 * HIGH goes to email and chat (Teams stands in for Slack where a user chose it); MEDIUM only
 * to the laptop's banner; INFO waits for the morning report. Every severity leaves a banner
 * record, which is what the laptop and the morning report read.
 */
export const SEVERITY_ROUTES: Readonly<Record<Notification['severity'], readonly ChannelName[]>> = {
  CRITICAL: ['email', 'sms', 'slack', 'pagerduty', 'teams', 'webhook', 'banner'],
  HIGH: ['email', 'slack', 'teams', 'banner'],
  MEDIUM: ['banner'],
  INFO: ['banner'],
};

/** The channels a notification goes to, given which channels are configured. */
export function routeFor(severity: Notification['severity'], configured: ReadonlySet<string>): ChannelName[] {
  return SEVERITY_ROUTES[severity].filter((name) => configured.has(name));
}
