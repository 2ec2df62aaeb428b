// Azure pushes, all authenticated by the shared secret (header x-escher-secret, or the
// `secret` query parameter for senders that cannot set headers, like action-group webhooks):
// Event Grid (schema or CloudEvents; subscription validation handshakes; arrays of events),
// Azure Monitor action-group alerts (common alert schema), and Logic Apps posting a Trigger.

import { combine } from '../../pipeline/result.js';
import { runInput } from '../run-input.js';
import { answerFor } from './status.js';
import type { HttpAnswer, HttpRequest, PushRoute, RouteContext } from './types.js';

async function authenticated(req: HttpRequest, ctx: RouteContext): Promise<HttpAnswer | undefined> {
  const given = req.headers['x-escher-secret'] ?? req.query.get('secret') ?? undefined;
  if (await ctx.verifiers.checkSharedSecret(given)) return undefined;
  ctx.deps.log.warn('push refused', {
    path: req.path,
    reason: given ? 'wrong shared secret' : 'no shared secret',
  });
  return { status: 401, body: { error: 'unauthorized' } };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const VALIDATION_EVENT = 'Microsoft.EventGrid.SubscriptionValidationEvent';

export const eventGrid: PushRoute = async (req, ctx) => {
  const refused = await authenticated(req, ctx);
  if (refused) return refused;
  if (req.method === 'OPTIONS') {
    // CloudEvents abuse protection (used by Event Grid's CloudEvents schema).
    const origin = req.headers['webhook-request-origin'];
    return { status: 200, headers: origin ? { 'webhook-allowed-origin': origin } : {} };
  }
  const body = parse(req.body);
  const events = Array.isArray(body) ? body : [body];
  const first = events[0] as { eventType?: string; data?: { validationCode?: string } } | undefined;
  if (req.headers['aeg-event-type'] === 'SubscriptionValidation' || first?.eventType === VALIDATION_EVENT) {
    const code = first?.data?.validationCode;
    if (typeof code !== 'string')
      return { status: 400, body: { error: 'validation event without validationCode' } };
    return { status: 200, body: { validationResponse: code } };
  }
  const items = [];
  for (const event of events) items.push(...(await runInput(event, ctx.deps)).items);
  return answerFor('eventgrid', combine(items));
};

export const azureMonitor: PushRoute = async (req, ctx) => {
  const refused = await authenticated(req, ctx);
  if (refused) return refused;
  return answerFor('webhook', await runInput(parse(req.body), ctx.deps));
};

export const logicAppsTrigger: PushRoute = async (req, ctx) => {
  const refused = await authenticated(req, ctx);
  if (refused) return refused;
  return answerFor('webhook', await runInput(req.body, ctx.deps));
};
