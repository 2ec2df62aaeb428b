// PagerDuty Events API v2: one alert per incident, keyed by the notification's dedup_key,
// so repeated deliveries of the same incident collapse and a resolved incident closes it.

import type { Channel } from '../channel.js';
import { DeliveryRejectedError } from '../errors.js';
import { postJson } from '../http-post.js';
import type { Notification } from '../notification.js';
import { requireSecret } from '../require-secret.js';
import { type ChannelSetup, NOTIFY_SECRETS } from '../setup.js';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com';

const PD_SEVERITY: Record<Notification['severity'], 'critical' | 'error' | 'warning' | 'info'> = {
  CRITICAL: 'critical',
  HIGH: 'error',
  MEDIUM: 'warning',
  INFO: 'info',
};

/** The routing key belongs in the body: that is where the Events API reads it. */
export function pagerdutyEvent(n: Notification, routingKey: string): Record<string, unknown> {
  if (n.resolved) return { routing_key: routingKey, event_action: 'resolve', dedup_key: n.dedup_key };
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: n.dedup_key,
    payload: {
      // The API caps summary at 1024 characters.
      summary: `${n.title}: ${n.summary}`.slice(0, 1024),
      source: 'escher-runner',
      severity: PD_SEVERITY[n.severity],
      timestamp: n.at,
      component: n.source,
      custom_details: { lines: n.lines },
    },
    links: n.actions.map((a) => ({ href: a.url, text: a.label })),
  };
}

export function pagerdutyChannel({ config, secrets, deps }: ChannelSetup): Channel | undefined {
  if (!config.pagerduty) return undefined;
  const base = deps.pagerdutyUrl ?? PAGERDUTY_EVENTS_URL;
  return {
    name: 'pagerduty',
    async deliver(n, signal) {
      const key = await requireSecret(secrets, 'pagerduty', NOTIFY_SECRETS.pagerduty);
      const body = JSON.stringify(pagerdutyEvent(n, key));
      const { text } = await postJson('pagerduty', `${base}/v2/enqueue`, body, {}, signal, deps.http);
      const answer = JSON.parse(text || '{}') as { status?: string };
      if (answer.status !== 'success') {
        throw new DeliveryRejectedError(`pagerduty: unexpected answer ${text.slice(0, 200)}`);
      }
    },
  };
}
