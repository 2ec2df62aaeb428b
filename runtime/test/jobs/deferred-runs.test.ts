import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { parseExtensionConfig, type Snooze } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRuntimeEnv } from '../../src/config/env.js';
import { SHARED_SECRET_NAME } from '../../src/entry/http/verifiers.js';
import { pipelineEntryDeps } from '../../src/entry/pipeline-entry.js';
import { dispatch } from '../../src/entry/serve.js';
import { deferredRuns, dueDecisions } from '../../src/jobs/deferred-runs.js';
import { stateJobStore } from '../../src/jobs/job-store.js';
import { signedSnoozeLinks } from '../../src/jobs/notification.js';
import { handleTrigger } from '../../src/runner/handle-trigger.js';
import { memorySecretStore } from '../../src/runner/memory-secrets.js';
import { testRig } from '../pipeline/support/deps.js';
import { ACCOUNT, motoEnv, REGION, startMoto } from '../pipeline/support/moto.js';
import { launch, snapshotEstate } from './aws-estate.js';

const JOB = 'deferred-dev-stop';
const SECRET = 'webhook-secret-deferred-7c2a';
// The next 20:00 UTC at least a day ahead: a snooze link is refused for a run that has passed.
const RUN = new Date(Date.now() + 48 * 3600_000);
RUN.setUTCHours(20, 0, 0, 0);
const minutes = (n: number) => new Date(RUN.getTime() + n * 60_000);

function snooze(kind: Snooze['kind'], created: number, delay?: number): Snooze {
  return {
    job: JOB,
    run_at: RUN.toISOString(),
    kind,
    ...(delay ? { delay_minutes: delay } : {}),
    created_at: minutes(created).toISOString(),
    created_by: 'ana',
  };
}

describe('dueDecisions', () => {
  const pending = [
    {
      job: JOB,
      scheduled_for: RUN.toISOString(),
      due_at: minutes(120).toISOString(),
      deferred_at: RUN.toISOString(),
    },
  ];

  it('waits until the delayed time, then runs', () => {
    const snoozes = [snooze('delay', -60, 120)];
    expect(dueDecisions(pending, snoozes, minutes(119)).map((d) => d.verdict)).toEqual(['wait']);
    expect(dueDecisions(pending, snoozes, minutes(120)).map((d) => d.verdict)).toEqual(['run']);
  });

  it('follows the latest snooze: a later skip cancels the run, a later delay moves it', () => {
    expect(
      dueDecisions(pending, [snooze('delay', -60, 120), snooze('skip', -30)], minutes(200))[0]?.verdict,
    ).toBe('skipped');
    const moved = dueDecisions(pending, [snooze('delay', -60, 120), snooze('delay', -30, 180)], minutes(150));
    expect(moved.map((d) => [d.verdict, d.dueAt?.toISOString()])).toEqual([
      ['wait', minutes(180).toISOString()],
    ]);
  });
});

describe('a delayed run in the cloud runner', () => {
  const moto = { endpoint: '', ec2: undefined as unknown as Awaited<ReturnType<typeof startMoto>>['ec2'] };
  let rig: ReturnType<typeof testRig>;
  let now = RUN;
  let instance = '';

  beforeAll(async () => {
    const m = await startMoto();
    Object.assign(moto, m);
    // The SDK's default chain (the runner's own account) finds moto's keys here, as on a real runner.
    for (const [k, v] of Object.entries(motoEnv(m))) vi.stubEnv(k, v);
    rig = testRig(m, { secrets: memorySecretStore({ [SHARED_SECRET_NAME]: SECRET }) });
    const config = parseExtensionConfig({
      home_cloud: 'aws',
      aws: { account: ACCOUNT, region: REGION },
      jobs: [
        {
          name: JOB,
          schedule: { cron: '0 20 * * *', timezone: 'UTC' },
          action: 'stop',
          selector: { resource_types: ['compute_instance'], clouds: ['aws'], tags: 'team=deferred' },
        },
      ],
    });
    const runtime = rig.deps.runtime;
    if (!runtime) throw new Error('the test rig has no runtime');
    rig.deps = {
      ...rig.deps,
      clock: () => now,
      runtime: { ...runtime, env: loadRuntimeEnv({ ESCHER_HOME: rig.dir, ...motoEnv(m) }), config },
    };
    [instance = ''] = await launch(m.ec2, 1, { team: 'deferred' });
    for (const r of await snapshotEstate(m.ec2, REGION)) {
      if (r.resource_id === instance) await rig.deps.state.putRecord('cloud_estate', `aws-${instance}`, r);
    }
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  const stateOf = async () =>
    (await moto.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instance] }))).Reservations?.[0]
      ?.Instances?.[0]?.State?.Name;
  const stops = async () =>
    (await rig.deps.state.listRecords('executed_operations', `job:${JOB}@`)).filter(
      (o) => o.outcome === 'succeeded',
    );

  it('is stored from a "Delay 2 h" link, deferred at the cron time, and run once by the due tick', async () => {
    const [, delayLink] = signedSnoozeLinks('https://escher.example', Buffer.from(SECRET))(JOB, RUN);
    const url = new URL(delayLink?.url as string);
    const answer = await dispatch(
      { method: 'GET', path: url.pathname, query: url.searchParams, headers: {}, body: '' },
      pipelineEntryDeps(rig.deps),
      { verifyGoogleToken: async () => {}, checkSharedSecret: async () => false },
    );
    expect(answer.status).toBe(200);

    // 20:00: the scheduler fires; the run is recorded for later and nothing is touched.
    now = minutes(0);
    const fired = await handleTrigger({ kind: 'job', job: JOB, scheduled_for: RUN.toISOString() }, rig.deps);
    expect(fired.status).toBe('done');
    expect(await stateOf()).toBe('running');
    expect((await deferredRuns(rig.deps.state).pending()).map((r) => [r.job, r.due_at])).toEqual([
      [JOB, minutes(120).toISOString()],
    ]);

    // 21:45: the tick finds nothing due yet.
    now = minutes(105);
    expect((await handleTrigger({ kind: 'due' }, rig.deps)).items).toEqual([]);
    expect(await stateOf()).toBe('running');

    // 22:00: two ticks at once (a redelivery): the run happens once.
    now = minutes(120);
    const ticks = await Promise.all([
      handleTrigger({ kind: 'due' }, rig.deps),
      handleTrigger({ kind: 'due' }, rig.deps),
    ]);
    expect(ticks.flatMap((t) => t.items.map((i) => [i.status, i.id]))).toEqual([
      ['done', `${JOB}@${RUN.toISOString()}`],
    ]);
    expect(await stateOf()).toBe('stopped');
    expect((await stops()).map((o) => o.target)).toMatchObject([{ resource_id: instance }]);
    expect(rig.sent.filter((n) => n.source === 'job')).toHaveLength(1);

    // 22:15: the next tick has nothing left to do.
    now = minutes(135);
    expect((await handleTrigger({ kind: 'due' }, rig.deps)).items).toEqual([]);
    expect(await deferredRuns(rig.deps.state).pending()).toEqual([]);
    expect(await stops()).toHaveLength(1);
  });

  it('takes a trigger without the planned time (Cloud Scheduler) for the run it fired for', async () => {
    const nextDay = minutes(24 * 60);
    await stateJobStore(rig.deps.state).addSnooze({
      ...snooze('delay', 0, 30),
      run_at: nextDay.toISOString(),
    });
    now = minutes(24 * 60 + 3);
    const fired = await handleTrigger({ kind: 'job', job: JOB }, rig.deps);
    expect(fired.items.map((i) => [i.status, i.id])).toEqual([['done', `${JOB}@${nextDay.toISOString()}`]]);
    expect((await deferredRuns(rig.deps.state).pending()).map((r) => r.due_at)).toEqual([
      minutes(24 * 60 + 30).toISOString(),
    ]);
  });
});
