// Microsoft Teams incoming webhook (Workflows or the older connector URL): one message whose
// attachment is an Adaptive Card, coloured by severity, with Open URL buttons for actions.

import type { Channel } from '../channel.js';
import { postJson } from '../http-post.js';
import type { Notification } from '../notification.js';
import { requireSecret } from '../require-secret.js';
import { type ChannelSetup, NOTIFY_SECRETS } from '../setup.js';
import { headline, SEVERITY_STYLE } from '../style.js';

export function adaptiveCard(n: Notification): Record<string, unknown> {
  const style = SEVERITY_STYLE[n.severity];
  const body: Record<string, unknown>[] = [
    {
      type: 'Container',
      style: style.cardColour,
      items: [{ type: 'TextBlock', text: headline(n), weight: 'Bolder', size: 'Medium', wrap: true }],
    },
  ];
  if (n.summary) body.push({ type: 'TextBlock', text: n.summary, wrap: true });
  if (n.lines.length > 0) {
    body.push({ type: 'TextBlock', text: n.lines.map((line) => `- ${line}`).join('\n'), wrap: true });
  }
  body.push({
    type: 'TextBlock',
    text: `Escher · ${n.source} · ${n.at}`,
    isSubtle: true,
    size: 'Small',
    wrap: true,
  });
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    actions: n.actions.map((a) => ({ type: 'Action.OpenUrl', title: a.label, url: a.url })),
  };
}

export function teamsPayload(n: Notification): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: adaptiveCard(n) },
    ],
  };
}

export function teamsChannel({ config, secrets, deps }: ChannelSetup): Channel | undefined {
  if (!config.teams) return undefined;
  return {
    name: 'teams',
    async deliver(n, signal) {
      const url = await requireSecret(secrets, 'teams', NOTIFY_SECRETS.teams);
      await postJson('teams', url, JSON.stringify(teamsPayload(n)), {}, signal, deps.http);
    },
  };
}
