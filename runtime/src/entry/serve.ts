// HTTP mode (`escher serve`) for Cloud Run services and Azure pushes: one route per push
// format, registered in one table; each route turns its platform's request into pipeline
// input and the result into the status that makes that platform retry or not.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EntryDeps } from './entry-deps.js';
import { azureMonitor, eventGrid, logicAppsTrigger } from './http/azure-push.js';
import { cloudEvents, pubsubPush } from './http/google-push.js';
import { jobSnooze } from './http/job-snooze.js';
import type { HttpAnswer, HttpRequest, PushRoute, PushVerifiers } from './http/types.js';

export const PUSH_ROUTES: Readonly<Record<string, { methods: readonly string[]; route: PushRoute }>> = {
  '/pubsub': { methods: ['POST'], route: pubsubPush },
  '/cloudevents': { methods: ['POST'], route: cloudEvents },
  '/eventgrid': { methods: ['POST', 'OPTIONS'], route: eventGrid },
  '/azure-monitor': { methods: ['POST'], route: azureMonitor },
  '/trigger': { methods: ['POST'], route: logicAppsTrigger },
  // Links in notifications are followed with GET.
  '/jobs/snooze': { methods: ['GET'], route: jobSnooze },
};

/** Pub/Sub push messages are at most 10 MB; nothing legitimate is larger. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function dispatch(
  req: HttpRequest,
  deps: EntryDeps,
  verifiers: PushVerifiers,
): Promise<HttpAnswer> {
  if (req.path === '/healthz' && req.method === 'GET') return { status: 200, body: { status: 'ok' } };
  const entry = PUSH_ROUTES[req.path];
  if (!entry) return { status: 404, body: { error: `no route ${req.path}` } };
  if (!entry.methods.includes(req.method))
    return { status: 405, headers: { allow: entry.methods.join(', ') } };
  return entry.route(req, { deps, verifiers });
}

async function readRequest(message: IncomingMessage): Promise<HttpRequest | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  const url = new URL(message.url ?? '/', 'http://localhost');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(message.headers))
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: message.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

export interface ServeOptions {
  port: number;
  host?: string;
  redact: (text: string) => string;
}

export async function startHttpServer(
  deps: EntryDeps,
  verifiers: PushVerifiers,
  options: ServeOptions,
): Promise<{ server: Server; url: string }> {
  const server = createServer(async (message, res) => {
    let answer: HttpAnswer;
    try {
      const req = await readRequest(message);
      answer = req
        ? await dispatch(req, deps, verifiers)
        : { status: 413, body: { error: 'body too large' } };
    } catch (err) {
      deps.log.error('request failed', { error: err });
      answer = { status: 500, body: { error: 'internal error' } };
    }
    const headers: Record<string, string> = { ...answer.headers };
    let payload = '';
    if (answer.body !== undefined) {
      payload = options.redact(JSON.stringify(answer.body));
      headers['content-type'] = 'application/json';
    }
    res.writeHead(answer.status, headers).end(payload);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${options.host ?? '127.0.0.1'}:${port}` };
}
