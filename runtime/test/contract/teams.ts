// Microsoft Teams incoming webhooks. Workflows ("Post to a channel when a webhook request is
// received") answer 202 Accepted with an empty body; the classic connector URL answers 200 "1".
// A message must carry Adaptive Card attachments; anything else is a 400.

import type { ContractRequest, Route } from './server.js';

export interface TeamsState {
  workflows: Set<string>;
  received: { workflow: string; card: Record<string, unknown> }[];
}

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

export function teamsRoutes(state: TeamsState): Route[] {
  return [
    {
      method: 'POST',
      path: '/workflows/{workflow}/triggers/manual/paths/invoke',
      handler: (req: ContractRequest) => {
        const { workflow } = req.params as { workflow: string };
        if (!state.workflows.has(workflow)) {
          return {
            status: 404,
            body: {
              error: { code: 'WorkflowNotFound', message: `The workflow '${workflow}' could not be found.` },
            },
          };
        }
        const body = req.json as {
          type?: string;
          attachments?: { contentType?: string; content?: unknown }[];
        };
        const card = body?.attachments?.[0];
        if (body?.type !== 'message' || card?.contentType !== CARD_TYPE) {
          return {
            status: 400,
            body: { error: { code: 'InvalidRequestContent', message: 'The request content is not valid.' } },
          };
        }
        const content = card.content as Record<string, unknown>;
        if (content?.type !== 'AdaptiveCard' || !Array.isArray(content.body)) {
          return {
            status: 400,
            body: { error: { code: 'InvalidRequestContent', message: 'AdaptiveCard is invalid.' } },
          };
        }
        state.received.push({ workflow, card: content });
        return { status: 202 };
      },
    },
  ];
}
