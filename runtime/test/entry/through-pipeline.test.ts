// The entry points on the real pipeline: a GCP public-bucket audit log delivered as an
// Eventarc CloudEvent, as a Pub/Sub push (five times at once) and in an SQS batch is fixed
// exactly once on the contract server, and the platforms get the answers that end delivery.

import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleTokenVerifier, sharedSecretChecker } from '../../src/entry/http/verifiers.js';
import { createLambdaHandler } from '../../src/entry/lambda.js';
import { pipelineEntryDeps } from '../../src/entry/pipeline-entry.js';
import { startHttpServer } from '../../src/entry/serve.js';
import { addBucket, type FakeBucket } from '../contract/gcs-iam.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { memorySecrets } from '../notify/memory-secrets.js';
import { testRig } from '../pipeline/support/deps.js';
import { type GcpWorld, startGcpWorld } from '../remediation/gcp/setup.js';
import { tokenIssuer } from './google-token.js';

const AUDIENCE = 'https://escher-runner.example.run.app';
const issuer = tokenIssuer();
/** The documented sample with its bucket renamed; the log entry's insertId (the event identity) follows the bucket. */
const fixture = (name: string, bucket: string) =>
  readFileSync(new URL(`../fixtures/events/gcp/audit-log/${name}`, import.meta.url), 'utf8')
    .replaceAll('jacks-test-bucket', bucket)
    .replaceAll('15cp9rve72xt1', `insert-${bucket}`);
let world: GcpWorld;
let certs: ContractServer;
let http: { server: Server; url: string };
let rig: ReturnType<typeof testRig>;

beforeAll(async () => {
  world = await startGcpWorld();
  certs = await startContractServer({ routes: issuer.routes });
  rig = testRig(undefined, { deployed: ['gcp.storage.remove_public_access'] });
  rig.deps.clients = { gcp: world.clients };
  const verifiers = {
    verifyGoogleToken: googleTokenVerifier({ audience: AUDIENCE, certsUrl: `${certs.url}/oauth2/v1/certs` }),
    checkSharedSecret: sharedSecretChecker(memorySecrets()),
  };
  http = await startHttpServer(pipelineEntryDeps(rig.deps), verifiers, {
    port: 0,
    host: '127.0.0.1',
    redact: (t) => t,
  });
});
afterAll(async () => {
  http.server.close();
  await Promise.all([certs.close(), world.server.close()]);
});

const publicBucket = (name: string): FakeBucket =>
  addBucket(world.gcs, {
    name,
    publicAccessPrevention: 'inherited',
    uniformBucketLevelAccess: true,
    bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }],
  });
const policyWrites = (bucket: string) =>
  world.server.requests.filter((r) => r.method === 'PUT' && r.path === `/storage/v1/b/${bucket}/iam`).length;
const bearer = () => ({ authorization: `Bearer ${issuer.token({ aud: AUDIENCE })}` });

describe('entry points on the real pipeline (GCP contract servers)', () => {
  it('an Eventarc CloudEvent in binary mode makes the bucket private', async () => {
    const bucket = publicBucket('eventarc-bucket');
    const event = JSON.parse(fixture('eventarc-gcs-set-iam-all-users.json', 'eventarc-bucket'));
    const headers: Record<string, string> = { ...bearer(), 'content-type': 'application/json' };
    for (const name of ['id', 'source', 'type', 'specversion', 'subject', 'time'])
      headers[`ce-${name}`] = String(event[name]);
    const res = await fetch(`${http.url}/cloudevents`, {
      method: 'POST',
      headers,
      body: JSON.stringify(event.data),
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-escher-status')).toBe('done');
    expect(bucket).toMatchObject({ publicAccessPrevention: 'enforced', bindings: [] });
  });

  it('the same Pub/Sub push delivered five times at once is remediated once', async () => {
    const bucket = publicBucket('pushed-bucket');
    const entry = fixture('gcs-set-iam-all-users.json', 'pushed-bucket');
    const envelope = JSON.stringify({
      message: {
        data: Buffer.from(entry).toString('base64'),
        messageId: '4242',
        publishTime: '2026-11-22T02:32:16Z',
      },
      subscription: 'projects/western-verve-123456/subscriptions/escher-events',
    });
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${http.url}/pubsub`, { method: 'POST', headers: bearer(), body: envelope }).then(
          (r) => r.status,
        ),
      ),
    );
    // A delivery that finds the event claimed by its twin is nacked (503) and redelivered later.
    expect(statuses.every((s) => s === 204 || s === 503)).toBe(true);
    expect(statuses).toContain(204);
    expect(policyWrites('pushed-bucket')).toBe(1);
    expect(bucket.bindings).toEqual([]);
  });

  it('an SQS batch returns only the in-flight twin for retry, fixes once, and dead-letters what is not an event', async () => {
    const bucket = publicBucket('queued-bucket');
    const entry = fixture('gcs-set-iam-all-users.json', 'queued-bucket');
    const batch = {
      Records: [
        { messageId: 'm-1', body: entry, eventSource: 'aws:sqs' },
        { messageId: 'm-2', body: entry, eventSource: 'aws:sqs' },
        { messageId: 'm-3', body: '{"not":"an event"', eventSource: 'aws:sqs' },
      ],
    } as unknown as SQSEvent;
    const before = (await rig.deps.state.deadLetters()).length;
    const handler = createLambdaHandler(pipelineEntryDeps(rig.deps));
    const out = (await handler(batch, {} as Context)) as { batchItemFailures: { itemIdentifier: string }[] };
    // The twin delivered in the same batch finds the event claimed and goes back to the queue.
    const failed = out.batchItemFailures.map((f) => f.itemIdentifier);
    expect(failed.length <= 1 && failed.every((id) => id === 'm-1' || id === 'm-2')).toBe(true);
    const redelivery = { Records: batch.Records.filter((r) => failed.includes(r.messageId)) } as SQSEvent;
    if (failed.length > 0)
      expect(await handler(redelivery, {} as Context)).toEqual({ batchItemFailures: [] });
    expect(policyWrites('queued-bucket')).toBe(1);
    expect(bucket.publicAccessPrevention).toBe('enforced');
    expect((await rig.deps.state.deadLetters()).length).toBe(before + 1);
  });
});
