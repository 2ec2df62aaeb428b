// Every notification channel, registered in one table. Adding a channel is adding a module
// under channels/ and a line here (and its name in channel.ts and routing.ts).

import type { Channel } from '../channel.js';
import type { ChannelSetup } from '../setup.js';
import { bannerChannel } from './banner.js';
import { pagerdutyChannel } from './pagerduty.js';
import { slackChannel } from './slack.js';
import { emailChannel, smsChannel } from './sns.js';
import { teamsChannel } from './teams.js';
import { webhookChannel } from './webhook.js';

/** Each factory returns undefined when the user has not set its channel up. */
export type ChannelFactory = (setup: ChannelSetup) => Channel | undefined;

export const CHANNEL_FACTORIES: readonly ChannelFactory[] = [
  emailChannel,
  smsChannel,
  slackChannel,
  teamsChannel,
  pagerdutyChannel,
  webhookChannel,
  bannerChannel,
];
