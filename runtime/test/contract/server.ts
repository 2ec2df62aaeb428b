// A small HTTP(S) server for vendor REST contracts that have no emulator (Azure Resource
// Manager, Compute Engine, cost APIs, the AI server, Slack, PagerDuty...). Routes follow the
// vendor's documented paths and bodies so the official SDKs talk to it unmodified. Every
// request is recorded, so tests can assert on what left the runner, and faults (429, 503,
// stalls) can be queued in front of any route.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ContractRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Raw body text ('' when none). */
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
  params: Record<string, string>;
}

export interface ContractResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  /** Hold the response this long first (to exercise client timeouts). */
  delayMs?: number;
}

export type Handler = (req: ContractRequest) => ContractResponse | Promise<ContractResponse>;

export interface Route {
  method: string;
  /** Path pattern with `{name}` placeholders matching one segment, e.g. '/subscriptions/{sub}/providers/...'. */
  path: string;
  handler: Handler;
}

export interface Fault {
  method?: string;
  /** Applies to requests whose path matches. */
  path?: RegExp;
  response: ContractResponse;
}

export interface ContractServer {
  url: string;
  /** PEM of the self-signed certificate when started with tls: true. */
  ca?: string;
  requests: ContractRequest[];
  /** Queue faults; each is used once, in order, by the first matching request. */
  injectFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .map((part) =>
      part.replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      }),
    )
    .join('/');
  return { ...route, regex: new RegExp(`^${source}$`, 'i'), names };
}

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'contract-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, response: ContractResponse): void {
  const headers = { ...response.headers };
  let payload = '';
  if (response.body !== undefined) {
    if (typeof response.body === 'string') {
      payload = response.body;
    } else {
      payload = JSON.stringify(response.body);
      headers['content-type'] ??= 'application/json';
    }
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

export async function startContractServer(options: {
  routes: Route[];
  tls?: boolean;
}): Promise<ContractServer> {
  const routes = options.routes.map(compile);
  const requests: ContractRequest[] = [];
  const faults: Fault[] = [];
  const tls = options.tls ? selfSignedCertificate() : undefined;

  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(req);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const method = req.method ?? 'GET';
    const request: ContractRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      text,
      json,
      params: {},
    };
    requests.push(request);

    const faultIndex = faults.findIndex(
      (f) => (!f.method || f.method === method) && (!f.path || f.path.test(url.pathname)),
    );
    let response: ContractResponse;
    if (faultIndex >= 0) {
      response = (faults.splice(faultIndex, 1)[0] as Fault).response;
    } else {
      const route = routes.find((r) => r.method === method && r.regex.test(url.pathname));
      if (route) {
        const match = route.regex.exec(url.pathname) as RegExpExecArray;
        route.names.forEach((name, i) => {
          request.params[name] = decodeURIComponent(match[i + 1] ?? '');
        });
        try {
          response = await route.handler(request);
        } catch (err) {
          response = { status: 500, body: { error: { code: 'ContractServerError', message: String(err) } } };
        }
      } else {
        response = {
          status: 404,
          body: { error: { code: 'NotFound', message: `no route for ${method} ${url.pathname}` } },
        };
      }
    }
    if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    if (!res.destroyed) send(res, response);
  };

  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    ...(tls ? { ca: tls.cert } : {}),
    requests,
    injectFaults: (...more) => faults.push(...more),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
