// The deployment's Notifier, built on the first send: channels and their SDKs load after
// the remediation, not before it, so they never delay the fix.

import type { ExtensionConfig } from '@escher/shared';
import type { Logger } from '../log.js';
import type { BannerSink } from '../notify/channels/banner.js';
import type { Notifier } from '../notify/notification.js';
import type { SecretStore } from '../secrets/secret-store.js';

export interface LazyNotifierOptions {
  config: ExtensionConfig | undefined;
  secrets: SecretStore;
  log: Logger;
  clock: () => Date;
  region: string;
  endpoint?: string | undefined;
  /** The SNS topic the AWS stack created for email (ESCHER_NOTIFY_TOPIC_ARN). */
  snsTopicArn?: string | undefined;
  /** Where banner records go (the state's alerts_events); every severity leaves one. */
  banners?: BannerSink;
}

const NO_CHANNELS = { emails: [], sms: [], slack: false, teams: false, pagerduty: false };

async function build(o: LazyNotifierOptions): Promise<Notifier> {
  const [{ createNotifier }, { NOTIFY_SECRETS }] = await Promise.all([
    import('../notify/create-notifier.js'),
    import('../notify/setup.js'),
  ]);
  const sns =
    o.config?.home_cloud === 'aws'
      ? new (await import('@aws-sdk/client-sns')).SNSClient({
          region: o.region,
          ...(o.endpoint ? { endpoint: o.endpoint } : {}),
        })
      : undefined;
  // The generic webhook has no config flag: its URL in the secret store turns it on.
  const webhook = Boolean(await o.secrets.get(NOTIFY_SECRETS.webhookUrl));
  const config = {
    ...(o.config?.notifications ?? NO_CHANNELS),
    webhook,
    ...(o.snsTopicArn ? { sns_topic_arn: o.snsTopicArn } : {}),
  };
  return createNotifier(config, o.secrets, {
    log: o.log,
    clock: o.clock,
    ...(sns ? { sns } : {}),
    ...(o.banners ? { banners: o.banners } : {}),
  });
}

export function lazyNotifier(o: LazyNotifierOptions): Notifier {
  let notifier: Promise<Notifier> | undefined;
  return {
    async send(notification, options) {
      notifier ??= build(o);
      return (await notifier).send(notification, options);
    },
  };
}
