// Slack incoming webhook with Block Kit. The severity colour rides on the attachment bar
// (the only place Slack shows a colour); `text` is the fallback for notifications.

import type { Channel } from '../channel.js';
import { postJson } from '../http-post.js';
import type { Notification } from '../notification.js';
import { requireSecret } from '../require-secret.js';
import { type ChannelSetup, NOTIFY_SECRETS } from '../setup.js';
import { headline, SEVERITY_STYLE } from '../style.js';

/** Slack caps header text at 150 characters and section text at 3000. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function slackPayload(n: Notification): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(headline(n), 150), emoji: true } },
  ];
  if (n.summary) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(n.summary, 3000) } });
  if (n.lines.length > 0) {
    const bullets = n.lines.map((line) => `• ${line}`).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(bullets, 3000) } });
  }
  if (n.actions.length > 0) {
    blocks.push({
      type: 'actions',
      elements: n.actions.map((a) => ({
        type: 'button',
        text: { type: 'plain_text', text: a.label },
        url: a.url,
      })),
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Escher · ${n.source} · ${n.at}` }] });
  return { text: headline(n), attachments: [{ color: `#${SEVERITY_STYLE[n.severity].colour}`, blocks }] };
}

export function slackChannel({ config, secrets, deps }: ChannelSetup): Channel | undefined {
  if (!config.slack) return undefined;
  return {
    name: 'slack',
    async deliver(n, signal) {
      const url = await requireSecret(secrets, 'slack', NOTIFY_SECRETS.slack);
      await postJson('slack', url, JSON.stringify(slackPayload(n)), {}, signal, deps.http);
    },
  };
}
