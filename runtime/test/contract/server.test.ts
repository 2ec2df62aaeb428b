import { request } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { type ContractServer, startContractServer } from './server.js';

describe('startContractServer', () => {
  let server: ContractServer | undefined;
  afterEach(async () => server?.close());

  it('routes by method and path template, passing the placeholders', async () => {
    server = await startContractServer({
      routes: [
        {
          method: 'GET',
          path: '/vms/{name}',
          handler: (req) => ({ status: 200, body: { name: req.params.name } }),
        },
      ],
    });
    const res = await fetch(`${server.url}/vms/web-01?x=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'web-01' });
    expect(server.requests.map((r) => [r.method, r.path, r.query.get('x')])).toEqual([
      ['GET', '/vms/web-01', '1'],
    ]);
  });

  it('answers 404 with an error body for an unknown path', async () => {
    server = await startContractServer({ routes: [] });
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NotFound', message: 'no route for GET /nope' } });
  });

  it('serves queued faults once each, in order, before the route', async () => {
    server = await startContractServer({
      routes: [{ method: 'POST', path: '/op', handler: () => ({ status: 202 }) }],
    });
    server.injectFaults(
      { path: /^\/op$/, response: { status: 429, headers: { 'retry-after': '0' } } },
      { method: 'POST', response: { status: 503 } },
    );
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${server.url}/op`, { method: 'POST', body: '{"a":1}' })).status);
    expect(statuses).toEqual([429, 503, 202]);
    expect(server.requests.map((r) => r.json)).toEqual([{ a: 1 }, { a: 1 }, { a: 1 }]);
  });

  it('serves HTTPS with a certificate the client can trust through `ca`', async () => {
    server = await startContractServer({
      tls: true,
      routes: [{ method: 'GET', path: '/ok', handler: () => ({ status: 204 }) }],
    });
    expect(server.url.startsWith('https://127.0.0.1:')).toBe(true);
    const status = await new Promise<number>((resolve, reject) => {
      request(`${server?.url}/ok`, { ca: server?.ca }, (res) => resolve(res.statusCode ?? 0))
        .on('error', reject)
        .end();
    });
    expect(status).toBe(204);
  });
});
