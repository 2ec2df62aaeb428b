// What a notification channel is: one module per service (Slack, SNS, PagerDuty...) that
// renders a Notification into that service's payload and delivers it. A channel throws on
// failure; the notifier catches per channel, so one failing service never blocks another.

import type { Notification } from './notification.js';

export const CHANNEL_NAMES = ['email', 'sms', 'slack', 'teams', 'pagerduty', 'webhook', 'banner'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export interface Channel {
  readonly name: ChannelName;
  deliver(notification: Notification, signal: AbortSignal): Promise<void>;
}
