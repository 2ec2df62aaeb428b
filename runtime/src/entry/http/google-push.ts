// Google pushes: Pub/Sub push envelopes and Eventarc CloudEvents (binary or structured
// mode, single or batch). Both carry an OIDC token that must verify before anything runs.

import type { RunResult } from '../../pipeline/result.js';
import { combine } from '../../pipeline/result.js';
import { runInput } from '../run-input.js';
import { answerFor } from './status.js';
import type { HttpAnswer, HttpRequest, PushRoute, RouteContext } from './types.js';

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

async function authenticated(req: HttpRequest, ctx: RouteContext): Promise<HttpAnswer | undefined> {
  try {
    await ctx.verifiers.verifyGoogleToken(req.headers.authorization);
    return undefined;
  } catch (err) {
    ctx.deps.log.warn('push refused', { path: req.path, reason: (err as Error).message });
    return { status: 401, body: { error: 'unauthorized' } };
  }
}

/** A scheduler's Trigger published to the topic is run as that trigger; anything else is an event. */
function pubsubInput(body: unknown): unknown {
  const data = (body as { message?: { data?: unknown } })?.message?.data;
  if (typeof data !== 'string') return body;
  const decoded = parse(Buffer.from(data, 'base64').toString('utf8'));
  return typeof (decoded as { kind?: unknown })?.kind === 'string' ? decoded : body;
}

export const pubsubPush: PushRoute = async (req, ctx) => {
  const refused = await authenticated(req, ctx);
  if (refused) return refused;
  return answerFor('pubsub', await runInput(pubsubInput(parse(req.body)), ctx.deps));
};

const CE_ATTRIBUTES = ['id', 'source', 'type', 'specversion', 'subject', 'time', 'dataschema'] as const;

/** Binary mode puts attributes in ce-* headers and the data in the body; rebuild the structured event. */
export function cloudEventsFrom(req: HttpRequest): unknown[] {
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('application/cloudevents-batch+json')) {
    const batch = parse(req.body);
    return Array.isArray(batch) ? batch : [batch];
  }
  if (contentType.startsWith('application/cloudevents+json')) return [parse(req.body)];
  const event: Record<string, unknown> = {};
  for (const name of CE_ATTRIBUTES) {
    const value = req.headers[`ce-${name}`];
    if (value !== undefined) event[name] = value;
  }
  if (contentType) event.datacontenttype = contentType;
  event.data = contentType.includes('json') ? parse(req.body) : req.body;
  return [event];
}

export const cloudEvents: PushRoute = async (req, ctx) => {
  const refused = await authenticated(req, ctx);
  if (refused) return refused;
  const results: RunResult[] = [];
  for (const event of cloudEventsFrom(req)) results.push(await runInput(event, ctx.deps));
  return answerFor('pubsub', combine(results.flatMap((r) => r.items)));
};
