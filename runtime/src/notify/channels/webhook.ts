// A generic signed webhook for anything else (SIEM, ticketing, a home-grown bot). The body is
// the notification as JSON; the receiver checks X-Escher-Signature, an HMAC-SHA256 over
// "<timestamp>.<body>" with the shared secret, and rejects stale timestamps to stop replays.

import { createHmac } from 'node:crypto';
import type { Channel } from '../channel.js';
import { postJson } from '../http-post.js';
import type { Notification } from '../notification.js';
import { requireSecret } from '../require-secret.js';
import { type ChannelSetup, NOTIFY_SECRETS } from '../setup.js';

export const SIGNATURE_HEADER = 'x-escher-signature';
export const TIMESTAMP_HEADER = 'x-escher-timestamp';

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookBody(n: Notification): string {
  return JSON.stringify({ type: 'escher.notification', version: 1, notification: n });
}

export function webhookChannel({ config, secrets, deps }: ChannelSetup): Channel | undefined {
  if (!config.webhook) return undefined;
  const clock = deps.clock ?? (() => new Date());
  return {
    name: 'webhook',
    async deliver(n, signal) {
      const url = await requireSecret(secrets, 'webhook', NOTIFY_SECRETS.webhookUrl);
      const secret = await requireSecret(secrets, 'webhook', NOTIFY_SECRETS.webhookSecret);
      const body = webhookBody(n);
      const timestamp = String(Math.floor(clock().getTime() / 1000));
      const headers = {
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      };
      await postJson('webhook', url, body, headers, signal, deps.http);
    },
  };
}
