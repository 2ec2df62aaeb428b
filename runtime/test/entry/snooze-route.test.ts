import { describe, expect, it } from 'vitest';
import { SHARED_SECRET_NAME } from '../../src/entry/http/verifiers.js';
import { pipelineEntryDeps } from '../../src/entry/pipeline-entry.js';
import { dispatch } from '../../src/entry/serve.js';
import { stateJobStore } from '../../src/jobs/job-store.js';
import { signedSnoozeLinks } from '../../src/jobs/notification.js';
import { memorySecretStore } from '../../src/runner/memory-secrets.js';
import { testRig } from '../pipeline/support/deps.js';

const SECRET = 'webhook-secret-canary-5d1e';
const NEXT_RUN = new Date(Date.now() + 24 * 3600_000);
NEXT_RUN.setUTCMinutes(0, 0, 0);
const verifiers = { verifyGoogleToken: async () => {}, checkSharedSecret: async () => false };

function runner(secrets: Record<string, string>) {
  const rig = testRig(undefined, { secrets: memorySecretStore(secrets) });
  return { rig, deps: pipelineEntryDeps(rig.deps) };
}

/** The path and query of a link, as the HTTP server hands them to dispatch. */
function request(url: string, method = 'GET') {
  const parsed = new URL(url);
  return { method, path: parsed.pathname, query: parsed.searchParams, headers: {}, body: '' };
}

const links = (key: string) =>
  signedSnoozeLinks('https://escher.example/', Buffer.from(key))('nightly-stop', NEXT_RUN);

describe('GET /jobs/snooze', () => {
  it('stores the snooze a signed "Skip next run" link carries', async () => {
    const { rig, deps } = runner({ [SHARED_SECRET_NAME]: SECRET });
    const [skip] = links(SECRET);
    const answer = await dispatch(request(skip?.url as string), deps, verifiers);
    expect(answer).toEqual({
      status: 200,
      body: { status: 'snoozed', job: 'nightly-stop', run_at: NEXT_RUN.toISOString(), kind: 'skip' },
    });
    const stored = await stateJobStore(rig.deps.state).snoozes('nightly-stop');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      job: 'nightly-stop',
      run_at: NEXT_RUN.toISOString(),
      kind: 'skip',
      created_by: 'snooze-link',
    });
  });

  it('stores a delay with its minutes', async () => {
    const { rig, deps } = runner({ [SHARED_SECRET_NAME]: SECRET });
    const [, delay] = links(SECRET);
    const answer = await dispatch(request(delay?.url as string), deps, verifiers);
    expect(answer.body).toEqual({
      status: 'snoozed',
      job: 'nightly-stop',
      run_at: NEXT_RUN.toISOString(),
      kind: 'delay',
      delay_minutes: 120,
    });
    expect(await stateJobStore(rig.deps.state).snoozes('nightly-stop')).toHaveLength(1);
  });

  it('refuses a link signed with another key and stores nothing', async () => {
    const { rig, deps } = runner({ [SHARED_SECRET_NAME]: SECRET });
    const [skip] = links('someone-elses-secret');
    const answer = await dispatch(request(skip?.url as string), deps, verifiers);
    expect(answer).toEqual({ status: 400, body: { error: 'snooze link is not valid' } });
    expect(await stateJobStore(rig.deps.state).snoozes()).toEqual([]);
  });

  it('refuses a request without a token', async () => {
    const { deps } = runner({ [SHARED_SECRET_NAME]: SECRET });
    const answer = await dispatch(request('https://escher.example/jobs/snooze'), deps, verifiers);
    expect(answer).toEqual({ status: 400, body: { error: 'missing token parameter' } });
  });

  it('answers 403 when no shared secret is configured', async () => {
    const { deps } = runner({});
    const [skip] = links(SECRET);
    const answer = await dispatch(request(skip?.url as string), deps, verifiers);
    expect(answer).toEqual({ status: 403, body: { error: 'snooze links are not enabled here' } });
  });

  it('allows only GET', async () => {
    const { deps } = runner({ [SHARED_SECRET_NAME]: SECRET });
    const [skip] = links(SECRET);
    expect(await dispatch(request(skip?.url as string, 'POST'), deps, verifiers)).toEqual({
      status: 405,
      headers: { allow: 'GET' },
    });
  });
});
