// What channel factories receive: the user's notification settings, the SecretStore that
// holds endpoints and keys, and the clients and sinks built at the edge.

import type { SNSClient } from '@aws-sdk/client-sns';
import type { ExtensionConfig } from '@escher/shared';
import type { Logger } from '../log.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { BannerSink } from './channels/banner.js';
import type { PostDeps } from './http-post.js';

export type NotifierConfig = ExtensionConfig['notifications'] & {
  /** The generic signed webhook; its URL and secret live in the SecretStore. */
  webhook?: boolean;
  /** The SNS topic email subscribers are on (created by the AWS stack). */
  sns_topic_arn?: string;
};

export interface NotifierDeps {
  log: Logger;
  sns?: Pick<SNSClient, 'send'>;
  banners?: BannerSink;
  http?: PostDeps;
  /** PagerDuty Events API v2 base URL; the EU service region uses events.eu.pagerduty.com. */
  pagerdutyUrl?: string;
  clock?: () => Date;
}

export interface ChannelSetup {
  config: NotifierConfig;
  secrets: SecretStore;
  deps: NotifierDeps;
}

/** Secret names of the channels (see the secret-name conventions). */
export const NOTIFY_SECRETS = {
  slack: 'escher/notify/slack_webhook_url',
  teams: 'escher/notify/teams_webhook_url',
  pagerduty: 'escher/notify/pagerduty_routing_key',
  webhookUrl: 'escher/notify/webhook_url',
  webhookSecret: 'escher/notify/webhook_secret',
} as const;
