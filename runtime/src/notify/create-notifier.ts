// The Notifier: routes a notification by severity to the configured channels and delivers
// to all of them at once. It never throws: each channel's outcome comes back as a result,
// and a failing or slow channel cannot block the others or the remediation that called it.

import type { SecretStore } from '../secrets/secret-store.js';
import type { Channel, ChannelName } from './channel.js';
import { CHANNEL_FACTORIES } from './channels/index.js';
import { type DeliveryResult, NotificationSchema, type Notifier } from './notification.js';
import { routeFor } from './routing.js';
import type { ChannelSetup, NotifierConfig, NotifierDeps } from './setup.js';

/** Upper bound for one channel including its retries; the run must not wait longer. */
export const CHANNEL_DEADLINE_MS = 20_000;

export function createNotifier(
  config: NotifierConfig,
  secrets: SecretStore,
  deps: NotifierDeps & { deadlineMs?: number },
): Notifier {
  const setup: ChannelSetup = { config, secrets, deps };
  const channels = new Map<string, Channel>();
  for (const factory of CHANNEL_FACTORIES) {
    const channel = factory(setup);
    if (channel) channels.set(channel.name, channel);
  }
  const configured = new Set(channels.keys());

  return {
    async send(input, options = {}) {
      const parsed = NotificationSchema.safeParse(input);
      if (!parsed.success) {
        const problem = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        deps.log.error('notification rejected', { problem });
        return [{ channel: 'notifier', ok: false, error: `invalid notification: ${problem}` }];
      }
      const notification = parsed.data;
      const names = routeFor(notification.severity, configured).filter((name) => !options.skip?.has(name));
      const deliver = async (name: ChannelName): Promise<DeliveryResult> => {
        const channel = channels.get(name) as Channel;
        try {
          await channel.deliver(notification, AbortSignal.timeout(deps.deadlineMs ?? CHANNEL_DEADLINE_MS));
          deps.log.info('notification delivered', { channel: name, dedup_key: notification.dedup_key });
          return { channel: name, ok: true };
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          deps.log.warn('notification failed', {
            channel: name,
            dedup_key: notification.dedup_key,
            error: err,
          });
          return { channel: name, ok: false, error };
        }
      };
      return Promise.all(
        names.map(async (name) => {
          const result = await deliver(name);
          await options.onDelivered?.(result);
          return result;
        }),
      );
    },
  };
}
