// One behaviour specification, run through every entry point: the same pipeline outcome
// must reach each platform as the answer that makes it retry exactly what is worth retrying.

import type { Server } from 'node:http';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  googleTokenVerifier,
  SHARED_SECRET_NAME,
  sharedSecretChecker,
} from '../../src/entry/http/verifiers.js';
import { createLambdaHandler } from '../../src/entry/lambda.js';
import { startHttpServer } from '../../src/entry/serve.js';
import { runTask } from '../../src/entry/task.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { memorySecrets } from '../notify/memory-secrets.js';
import { tokenIssuer } from './google-token.js';
import { eventBridge, type Scripted, scripted, unwrapPush } from './scripted.js';

const AUDIENCE = 'https://escher-runner.example.run.app/pubsub';
const SECRET = 'shared-secret-canary-91c2';
const issuer = tokenIssuer();
let certs: ContractServer;
let http: { server: Server; url: string };
let deps: Scripted;

beforeAll(async () => {
  certs = await startContractServer({ routes: issuer.routes });
  deps = scripted();
  const verifiers = {
    verifyGoogleToken: googleTokenVerifier({ audience: AUDIENCE, certsUrl: `${certs.url}/oauth2/v1/certs` }),
    checkSharedSecret: sharedSecretChecker(memorySecrets({ [SHARED_SECRET_NAME]: SECRET })),
  };
  http = await startHttpServer(deps, verifiers, { port: 0, host: '127.0.0.1', redact: (t) => t });
});
afterAll(async () => {
  http.server.close();
  await certs.close();
});

const context = {} as Context;
type Deliver = (event: unknown) => Promise<string>;

const post = async (path: string, body: string, headers: Record<string, string>) => {
  const res = await fetch(`${http.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return `HTTP ${res.status}`;
};
const rawOf = (event: unknown) => (typeof event === 'string' ? event : JSON.stringify(event));

const ENTRY_POINTS: Record<string, Deliver> = {
  task: async (event) => `exit ${(await runTask(rawOf(event), deps)).exitCode}`,
  'lambda (EventBridge)': async (event) => {
    try {
      const out = (await createLambdaHandler(deps)(event, context)) as { status: string };
      return `returned ${out.status}`;
    } catch (err) {
      return `threw ${(err as Error).name}`;
    }
  },
  'lambda (SQS)': async (event) => {
    const batch = {
      Records: [{ messageId: 'm-1', body: rawOf(event), eventSource: 'aws:sqs' }],
    } as unknown as SQSEvent;
    const out = (await createLambdaHandler(deps)(batch, context)) as {
      batchItemFailures: { itemIdentifier: string }[];
    };
    return out.batchItemFailures.length === 0 ? 'deleted' : 'redelivered';
  },
  'serve /pubsub': (event) => {
    const envelope = {
      message: { data: Buffer.from(rawOf(event)).toString('base64'), messageId: '1' },
      subscription: 'projects/p/subscriptions/s',
    };
    return post('/pubsub', JSON.stringify(envelope), {
      authorization: `Bearer ${issuer.token({ aud: AUDIENCE })}`,
    });
  },
  'serve /eventgrid': (event) => post('/eventgrid', rawOf(event), { 'x-escher-secret': SECRET }),
  'serve /azure-monitor': (event) => post(`/azure-monitor?secret=${SECRET}`, rawOf(event), {}),
};

/** Expected answers: done, a retryable failure, a pipeline crash, input the pipeline refused, a broken trigger. */
const EXPECTED: Record<string, [string, string, string, string, string]> = {
  task: ['exit 0', 'exit 1', 'exit 1', 'exit 2', 'exit 2'],
  'lambda (EventBridge)': [
    'returned done',
    'threw RetryableRunError',
    'threw RetryableRunError',
    'returned bad_input',
    'returned bad_input',
  ],
  'lambda (SQS)': ['deleted', 'redelivered', 'redelivered', 'deleted', 'deleted'],
  'serve /pubsub': ['HTTP 204', 'HTTP 503', 'HTTP 503', 'HTTP 204', 'HTTP 204'],
  'serve /eventgrid': ['HTTP 200', 'HTTP 503', 'HTTP 503', 'HTTP 400', 'HTTP 400'],
  'serve /azure-monitor': ['HTTP 200', 'HTTP 503', 'HTTP 503', 'HTTP 400', 'HTTP 400'],
};

describe.each(Object.entries(ENTRY_POINTS))('%s', (name, deliver) => {
  const [done, retry, crash, refused, broken] = EXPECTED[name] as string[];

  it(`answers "${done}" when the pipeline is done, passing the event through verbatim`, async () => {
    const before = deps.triggers.length;
    expect(await deliver(eventBridge('done'))).toBe(done);
    const received = deps.triggers.slice(before);
    expect(received.map((t) => t.kind)).toEqual(['event']);
    expect(unwrapPush((received[0] as { event: unknown }).event)).toEqual(eventBridge('done'));
  });

  it(`answers "${retry}" when the pipeline asks for a retry`, async () => {
    expect(await deliver(eventBridge('retry'))).toBe(retry);
  });

  it(`answers "${crash}" when the pipeline throws`, async () => {
    expect(await deliver(eventBridge('crash'))).toBe(crash);
  });

  it(`answers "${refused}" for input the pipeline dead-lettered`, async () => {
    expect(await deliver('this is not json')).toBe(refused);
  });

  it(`answers "${broken}" for a broken trigger and dead-letters it naming the field`, async () => {
    const before = deps.deadLetters.length;
    expect(await deliver({ kind: 'job', job: '' })).toBe(broken);
    expect(deps.deadLetters.slice(before).map((d) => d.error.message)).toEqual([
      'bad trigger: job: Too small: expected string to have >=1 characters',
    ]);
  });

  it('runs a scheduler trigger as that trigger', async () => {
    const before = deps.triggers.length;
    await deliver({ kind: 'job', job: 'nightly-stop' });
    expect(deps.triggers.slice(before)).toEqual([{ kind: 'job', job: 'nightly-stop' }]);
  });
});
