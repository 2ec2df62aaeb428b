// AWS SNS: email through the notification topic (its email subscriptions are created by the
// AWS stack from the config's address list) and SMS straight to each configured number, so
// texting stays limited to what routing sends it (CRITICAL only).

import { PublishCommand } from '@aws-sdk/client-sns';
import { TransientError } from '../../errors.js';
import type { Channel } from '../channel.js';
import type { Notification } from '../notification.js';
import type { ChannelSetup } from '../setup.js';
import { headline, plainText } from '../style.js';

/** SNS email subjects: ASCII, no line breaks, at most 100 characters. */
export function emailSubject(n: Notification): string {
  const ascii = `[Escher] ${n.severity}${n.resolved ? ' (auto-resolved)' : ''}: ${n.title}`
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
  return ascii.length > 100 ? `${ascii.slice(0, 97)}...` : ascii;
}

/** One SMS segment carries 160 GSM characters; keep it to the headline and the summary. */
export function smsText(n: Notification): string {
  const text = `${headline(n)}. ${n.summary}`;
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

export function emailChannel({ config, deps }: ChannelSetup): Channel | undefined {
  const { sns } = deps;
  const topic = config.sns_topic_arn;
  if (!sns || !topic) return undefined;
  return {
    name: 'email',
    async deliver(n, signal) {
      await sns.send(
        new PublishCommand({ TopicArn: topic, Subject: emailSubject(n), Message: plainText(n) }),
        {
          abortSignal: signal,
        },
      );
    },
  };
}

export function smsChannel({ config, deps }: ChannelSetup): Channel | undefined {
  const { sns } = deps;
  if (!sns || config.sms.length === 0) return undefined;
  return {
    name: 'sms',
    async deliver(n, signal) {
      const results = await Promise.allSettled(
        config.sms.map((PhoneNumber) =>
          sns.send(new PublishCommand({ PhoneNumber, Message: smsText(n) }), { abortSignal: signal }),
        ),
      );
      const failed = results.filter((r) => r.status === 'rejected');
      if (failed.length > 0) {
        throw new TransientError(`sms: ${failed.length} of ${results.length} numbers failed`, {
          cause: (failed[0] as PromiseRejectedResult).reason,
        });
      }
    },
  };
}
