import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  googleTokenVerifier,
  SHARED_SECRET_NAME,
  sharedSecretChecker,
} from '../../src/entry/http/verifiers.js';
import { startHttpServer } from '../../src/entry/serve.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { memorySecrets } from '../notify/memory-secrets.js';
import { tokenIssuer } from './google-token.js';
import { eventBridge, type Scripted, scripted } from './scripted.js';

const AUDIENCE = 'https://escher-runner.example.run.app';
const PUSH_SA = 'escher-push@my-project.iam.gserviceaccount.com';
const SECRET = 'shared-secret-canary-91c2';
const issuer = tokenIssuer();
let certs: ContractServer;
let http: { server: Server; url: string };
let deps: Scripted;

beforeAll(async () => {
  certs = await startContractServer({ routes: issuer.routes });
  deps = scripted();
  const verifiers = {
    verifyGoogleToken: googleTokenVerifier({
      audience: AUDIENCE,
      serviceAccount: PUSH_SA,
      certsUrl: `${certs.url}/oauth2/v1/certs`,
    }),
    checkSharedSecret: sharedSecretChecker(memorySecrets({ [SHARED_SECRET_NAME]: SECRET })),
  };
  http = await startHttpServer(deps, verifiers, { port: 0, host: '127.0.0.1', redact: (t) => t });
});
afterAll(async () => {
  http.server.close();
  await certs.close();
});

const call = async (
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string> = {},
) => {
  const res = await fetch(`${http.url}${path}`, { method, body, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
};

const pushEnvelope = JSON.stringify({
  message: { data: Buffer.from(JSON.stringify(eventBridge('done'))).toString('base64'), messageId: '9876' },
  subscription: 'projects/my-project/subscriptions/escher-events',
});
const bearer = (claims: Record<string, unknown>, kid?: string) => ({
  authorization: `Bearer ${issuer.token(claims, kid)}`,
});
const good = { aud: AUDIENCE, email: PUSH_SA, email_verified: true };

describe('Pub/Sub push authentication', () => {
  it('accepts a Google-signed token for the configured audience and service account', async () => {
    const before = deps.triggers.length;
    expect((await call('POST', '/pubsub', pushEnvelope, bearer(good))).status).toBe(204);
    expect(deps.triggers.length).toBe(before + 1);
  });

  it.each([
    ['no token', {}],
    ['a token for another audience', bearer({ ...good, aud: 'https://someone-else.run.app' })],
    ['an expired token', bearer({ ...good, iat: 1_700_000_000, exp: 1_700_003_600 })],
    [
      'a token from another service account',
      bearer({ ...good, email: 'attacker@evil.iam.gserviceaccount.com' }),
    ],
    ['a token signed by an unknown key', bearer(good, 'key-2')],
    ['a token from another issuer', bearer({ ...good, iss: 'https://evil.example' })],
    ['a malformed token', { authorization: 'Bearer not.a.jwt' }],
  ])('refuses %s with 401 and runs nothing', async (_name, headers) => {
    const before = deps.triggers.length;
    const res = await call('POST', '/pubsub', pushEnvelope, headers as Record<string, string>);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: 'unauthorized' });
    expect(deps.triggers.length).toBe(before);
  });
});

describe('push authentication privacy', () => {
  it('never writes a refused token into a log line or the answer', async () => {
    const token = issuer.token({ ...good, aud: 'https://someone-else.run.app' });
    const res = await call('POST', '/pubsub', pushEnvelope, { authorization: `Bearer ${token}` });
    expect(res.json).toEqual({ error: 'unauthorized' });
    const lines = (deps.log as unknown as { lines: string[] }).lines;
    expect(lines.some((l) => l.includes('push refused'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(token.split('.')[2] as string);
  });
});

describe('CloudEvents (Eventarc)', () => {
  it('rebuilds a binary-mode event from ce- headers and the body', async () => {
    const before = deps.triggers.length;
    const res = await call(
      'POST',
      '/cloudevents',
      JSON.stringify({ protoPayload: { methodName: 'storage.setIamPermissions' } }),
      {
        ...bearer(good),
        'content-type': 'application/json',
        'ce-id': '1096434104173400',
        'ce-source': '//cloudaudit.googleapis.com/projects/my-project/logs/activity',
        'ce-type': 'google.cloud.audit.log.v1.written',
        'ce-specversion': '1.0',
        'ce-time': '2026-11-22T02:32:15.000Z',
        'ce-subject': 'storage.googleapis.com/projects/_/buckets/my-data',
      },
    );
    expect(res.status).toBe(204);
    expect(deps.triggers.slice(before)).toEqual([
      {
        kind: 'event',
        event: {
          id: '1096434104173400',
          source: '//cloudaudit.googleapis.com/projects/my-project/logs/activity',
          type: 'google.cloud.audit.log.v1.written',
          specversion: '1.0',
          subject: 'storage.googleapis.com/projects/_/buckets/my-data',
          time: '2026-11-22T02:32:15.000Z',
          datacontenttype: 'application/json',
          data: { protoPayload: { methodName: 'storage.setIamPermissions' } },
        },
      },
    ]);
  });

  it('runs every event of a structured batch', async () => {
    const before = deps.triggers.length;
    const batch = [1, 2].map((n) => ({
      specversion: '1.0',
      id: `e${n}`,
      source: 's',
      type: 't',
      data: { n },
    }));
    const res = await call('POST', '/cloudevents', JSON.stringify(batch), {
      ...bearer(good),
      'content-type': 'application/cloudevents-batch+json',
    });
    expect(res.status).toBe(204);
    expect(deps.triggers.slice(before).map((t) => (t as { event: { id: string } }).event.id)).toEqual([
      'e1',
      'e2',
    ]);
  });

  it('refuses an unauthenticated CloudEvent', async () => {
    expect(
      (await call('POST', '/cloudevents', '{}', { 'content-type': 'application/cloudevents+json' })).status,
    ).toBe(401);
  });
});

describe('Event Grid', () => {
  it('completes the subscription validation handshake', async () => {
    const validation = [
      {
        id: '2d1781af-3a4c-4d7c-bd0c-e34b19da4e66',
        topic: '/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
        subject: '',
        data: {
          validationCode: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6',
          validationUrl: 'https://rp-eastus2.eventgrid.azure.net/x',
        },
        eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent',
        eventTime: '2018-01-25T22:12:19.4556811Z',
        metadataVersion: '1',
        dataVersion: '1',
      },
    ];
    const res = await call('POST', '/eventgrid', JSON.stringify(validation), {
      'x-escher-secret': SECRET,
      'aeg-event-type': 'SubscriptionValidation',
    });
    expect(res).toMatchObject({
      status: 200,
      json: { validationResponse: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6' },
    });
  });

  it('answers the CloudEvents abuse-protection OPTIONS request', async () => {
    const res = await call('OPTIONS', '/eventgrid', undefined, {
      'x-escher-secret': SECRET,
      'webhook-request-origin': 'eventgrid.azure.net',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('webhook-allowed-origin')).toBe('eventgrid.azure.net');
  });

  it('runs each event of an array and answers with the worst outcome', async () => {
    const res = await call(
      'POST',
      '/eventgrid',
      JSON.stringify([eventBridge('done'), eventBridge('retry')]),
      { 'x-escher-secret': SECRET },
    );
    expect(res.status).toBe(503);
    expect(res.json.items.map((i: { status: string }) => i.status)).toEqual(['done', 'retry']);
  });

  it('refuses a wrong shared secret before any handshake', async () => {
    const res = await call('POST', '/eventgrid', '[]', {
      'x-escher-secret': 'guess',
      'aeg-event-type': 'SubscriptionValidation',
    });
    expect(res.status).toBe(401);
  });
});

describe('Azure Monitor and Logic Apps', () => {
  it('refuses an Azure Monitor alert without the shared secret', async () => {
    const before = deps.triggers.length;
    expect(
      (await call('POST', '/azure-monitor', '{"schemaId":"azureMonitorCommonAlertSchema"}')).status,
    ).toBe(401);
    expect(deps.triggers.length).toBe(before);
  });

  it('runs a Logic Apps trigger for a scheduled job', async () => {
    const before = deps.triggers.length;
    const res = await call('POST', '/trigger', '{"kind":"job","job":"stop-dev-vms"}', {
      'x-escher-secret': SECRET,
    });
    expect(res.status).toBe(200);
    expect(deps.triggers.slice(before)).toEqual([{ kind: 'job', job: 'stop-dev-vms' }]);
  });
});

describe('routing', () => {
  it('answers health checks, unknown paths and wrong methods', async () => {
    expect((await call('GET', '/healthz', undefined)).status).toBe(200);
    expect((await call('POST', '/nope', '{}')).status).toBe(404);
    expect((await call('GET', '/pubsub', undefined)).status).toBe(405);
  });
});
