import type { JobSpec, Snooze } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { Daemon } from '../../src/jobs/daemon.js';
import type { Logger } from '../../src/log.js';
import { stopDevJob } from './fixtures.js';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;
const nightly = stopDevJob({ schedule: { cron: '0 20 * * *', timezone: 'UTC' } });

function harness(options: { jobs?: JobSpec[]; snoozes?: Snooze[]; fail?: string; last?: string } = {}) {
  let now = new Date(options.last ?? '2026-11-20T19:00:00Z');
  let last: Date | undefined = options.last ? new Date(options.last) : undefined;
  const runs: string[] = [];
  let polls = 0;
  const daemon = new Daemon({
    jobs: async () => options.jobs ?? [nightly],
    snoozes: async () => options.snoozes ?? [],
    run: async (job, at) => {
      if (job.name === options.fail) throw new Error('cloud unreachable');
      runs.push(`${job.name}@${at.toISOString()}`);
      return 'ok';
    },
    lastCheck: {
      get: async () => last,
      set: async (at) => {
        last = at;
      },
    },
    log: silent,
    clock: () => now,
    pollCritical: async () => {
      polls++;
    },
  });
  return {
    daemon,
    runs,
    polls: () => polls,
    at: (iso: string) => {
      now = new Date(iso);
      return daemon.tick();
    },
  };
}

describe('Daemon', () => {
  it('runs a job once when its time comes', async () => {
    const h = harness();
    await h.at('2026-11-20T19:00:00Z');
    await h.at('2026-11-20T19:59:30Z');
    expect(h.runs).toEqual([]);
    await h.at('2026-11-20T20:00:30Z');
    await h.at('2026-11-20T20:01:00Z');
    expect(h.runs).toEqual(['dev-nightly-stop@2026-11-20T20:00:00.000Z']);
  });

  it('catches up a run missed during a short sleep (within the grace)', async () => {
    const h = harness({ last: '2026-11-20T19:00:00Z' });
    const report = await h.at('2026-11-20T20:45:00Z');
    expect(h.runs).toEqual(['dev-nightly-stop@2026-11-20T20:00:00.000Z']);
    expect(report.missed).toEqual([]);
  });

  it('does not run, but reports, runs missed by more than the grace', async () => {
    const h = harness({ last: '2026-11-20T19:00:00Z' });
    const report = await h.at('2026-11-22T09:00:00Z');
    expect(h.runs).toEqual([]);
    expect(report.missed).toEqual([
      { job: 'dev-nightly-stop', scheduledFor: '2026-11-20T20:00:00.000Z' },
      { job: 'dev-nightly-stop', scheduledFor: '2026-11-21T20:00:00.000Z' },
    ]);
  });

  it('runs only the latest of several missed runs when it is within the grace', async () => {
    const h = harness({ last: '2026-11-20T19:00:00Z' });
    const report = await h.at('2026-11-21T20:30:00Z');
    expect(h.runs).toEqual(['dev-nightly-stop@2026-11-21T20:00:00.000Z']);
    expect(report.missed).toEqual([{ job: 'dev-nightly-stop', scheduledFor: '2026-11-20T20:00:00.000Z' }]);
  });

  it('honours a delay snooze and a skip snooze', async () => {
    const snooze = (kind: 'skip' | 'delay', run_at: string): Snooze => ({
      job: 'dev-nightly-stop',
      run_at,
      kind,
      ...(kind === 'delay' ? { delay_minutes: 120 } : {}),
      created_at: '2026-11-20T12:00:00.000Z',
      created_by: 'ana',
    });
    const h = harness({
      last: '2026-11-20T19:00:00Z',
      snoozes: [snooze('delay', '2026-11-20T20:00:00.000Z'), snooze('skip', '2026-11-21T20:00:00.000Z')],
    });
    await h.at('2026-11-20T20:00:30Z');
    expect(h.runs).toEqual([]);
    await h.at('2026-11-20T22:00:30Z');
    expect(h.runs).toEqual(['dev-nightly-stop@2026-11-20T20:00:00.000Z']);
    const report = await h.at('2026-11-21T20:00:30Z');
    expect(h.runs).toHaveLength(1);
    expect(report.missed).toEqual([]);
  });

  it('keeps running other jobs when one fails, and reports the failure', async () => {
    const other = stopDevJob({ name: 'qa-nightly-stop', schedule: { cron: '0 20 * * *', timezone: 'UTC' } });
    const h = harness({ jobs: [nightly, other], fail: 'dev-nightly-stop', last: '2026-11-20T19:59:00Z' });
    const report = await h.at('2026-11-20T20:00:30Z');
    expect(report.ran).toEqual([
      {
        job: 'dev-nightly-stop',
        scheduledFor: '2026-11-20T20:00:00.000Z',
        summary: 'failed: cloud unreachable',
      },
      { job: 'qa-nightly-stop', scheduledFor: '2026-11-20T20:00:00.000Z', summary: 'ok' },
    ]);
  });

  it('polls for CRITICAL conditions at most once a minute', async () => {
    const h = harness({ last: '2026-11-20T19:00:00Z' });
    await h.at('2026-11-20T19:00:10Z');
    await h.at('2026-11-20T19:00:40Z');
    await h.at('2026-11-20T19:01:10Z');
    expect(h.polls()).toBe(2);
  });
});
