// Slack incoming webhooks (api.slack.com/messaging/webhooks, "Handling errors"): 200 "ok";
// 400 "invalid_payload" / "invalid_blocks"; 403 "action_prohibited"; 404 "no_service" for an
// unknown or revoked URL; 410 "channel_is_archived"; 429 with Retry-After when rate limited.

import type { ContractRequest, Route } from './server.js';

export interface SlackState {
  /** Webhook path tokens (T…/B…/secret) that exist. */
  hooks: Set<string>;
  received: { hook: string; body: Record<string, unknown> }[];
}

const BLOCK_TYPES = new Set(['header', 'section', 'actions', 'context', 'divider', 'image', 'rich_text']);

function validBlocks(blocks: unknown): boolean {
  return Array.isArray(blocks) && blocks.every((b) => BLOCK_TYPES.has((b as { type?: string })?.type ?? ''));
}

export function slackRoutes(state: SlackState): Route[] {
  return [
    {
      method: 'POST',
      path: '/services/{team}/{bot}/{token}',
      handler: (req: ContractRequest) => {
        const hook = `${req.params.team}/${req.params.bot}/${req.params.token}`;
        if (!state.hooks.has(hook)) return { status: 404, body: 'no_service' };
        const body = req.json as Record<string, unknown> | undefined;
        if (!body || (typeof body.text !== 'string' && !body.blocks && !body.attachments)) {
          return { status: 400, body: 'invalid_payload' };
        }
        const attachments = (body.attachments ?? []) as { blocks?: unknown }[];
        if (
          (body.blocks && !validBlocks(body.blocks)) ||
          attachments.some((a) => a.blocks && !validBlocks(a.blocks))
        ) {
          return { status: 400, body: 'invalid_blocks' };
        }
        state.received.push({ hook, body });
        return { status: 200, headers: { 'content-type': 'text/html' }, body: 'ok' };
      },
    },
  ];
}
