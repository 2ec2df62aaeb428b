// What `escher daemon` does: the Local Only scheduler over the jobs in the state store
// and deployment config, with the last check time kept beside the state so sleep and
// restarts are seen as missed runs (see missed-runs.ts for the policy); with
// --poll-critical, a poll for CRITICAL conditions once a minute (poll/critical-poll.ts).

import type { CliContext } from '../cli/context.js';
import { PreconditionFailedError } from '../errors.js';
import { loadDeploymentConfig } from '../runner/config.js';
import { buildRunnerDeps } from '../runner/deps.js';
import { openRunnerState } from '../runner/open-state.js';
import { openSecretStore } from '../secrets/open-secret-store.js';
import type { ObjectStore } from '../storage/object-store.js';
import { Daemon, type DaemonDeps } from './daemon.js';
import { JobSpecError } from './errors.js';
import { jobRunDeps } from './job-runner.js';
import { stateJobStore } from './job-store.js';
import { runJob } from './run-job.js';

/**
 * The daemon's own bookkeeping: an object beside the snapshot, not a record in it, since
 * a record written every tick would add a snapshot segment every tick.
 */
const LAST_CHECK_KEY = 'runner/daemon/last-check.json';

function lastCheckIn(store: ObjectStore): DaemonDeps['lastCheck'] {
  const read = async () => {
    const found = await store.get(LAST_CHECK_KEY);
    const at = found
      ? (JSON.parse(Buffer.from(found.body).toString('utf8')) as { at?: unknown }).at
      : undefined;
    return { found, at: typeof at === 'string' ? new Date(at) : undefined };
  };
  return {
    get: async () => (await read()).at,
    async set(at) {
      const body = Buffer.from(`${JSON.stringify({ at: at.toISOString() })}\n`);
      for (;;) {
        const { found } = await read();
        try {
          await (found
            ? store.putIfMatch(LAST_CHECK_KEY, body, found.version)
            : store.putIfAbsent(LAST_CHECK_KEY, body));
          return;
        } catch (err) {
          // Another daemon on the same state wrote meanwhile; the later time wins.
          if (!(err instanceof PreconditionFailedError)) throw err;
        }
      }
    },
  };
}

export interface DaemonFlags {
  store?: string;
  tickSeconds: string;
  graceMinutes: string;
  once?: boolean;
  pollCritical?: boolean;
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new JobSpecError(`${flag} "${value}" must be a positive integer`);
  return n;
}

export async function daemonAction(c: CliContext, flags: DaemonFlags): Promise<void> {
  const tickMs = positive(flags.tickSeconds, '--tick-seconds') * 1000;
  const graceMinutes = positive(flags.graceMinutes, '--grace-minutes');
  const config = await loadDeploymentConfig(c.env);
  // Polling runs findings through the pipeline, so the daemon then shares the pipeline's state.
  const pipeline = flags.pollCritical
    ? await buildRunnerDeps({ env: c.env, config, log: c.log, redactor: c.redactor, storeUrl: flags.store })
    : undefined;
  const { state, store: objects } = pipeline?.runtime
    ? { state: pipeline.state, store: pipeline.runtime.store }
    : await openRunnerState({ env: c.env, redactor: c.redactor, storeUrl: flags.store });
  const secrets =
    pipeline?.runtime?.secrets ??
    (c.env.ESCHER_SECRETS ? openSecretStore(c.env.ESCHER_SECRETS, c.env, c.redactor) : undefined);
  const store = stateJobStore(state, config);
  const deps = jobRunDeps({ env: c.env, state, log: c.log, config, secrets }, store);
  const pollCritical = pipeline
    ? (await import('../poll/daemon-poll.js')).criticalPollHook(pipeline, c.env, config)
    : undefined;
  const daemon = new Daemon({
    jobs: () => store.jobs(),
    snoozes: () => store.snoozes(),
    run: async (job, at) =>
      (await runJob(job, at, { ...deps, snoozes: await store.snoozes(job.name) })).summary,
    lastCheck: lastCheckIn(objects),
    log: c.log,
    policy: { graceMinutes },
    ...(pollCritical ? { pollCritical } : {}),
  });
  if (flags.once) {
    c.out(`${JSON.stringify(await daemon.tick())}\n`);
    return;
  }
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
  c.err(
    `escher daemon: checking jobs every ${flags.tickSeconds} s; runs missed by more than ${graceMinutes} min are reported, not run${pollCritical ? '; polling for CRITICAL conditions every minute' : ''}\n`,
  );
  await daemon.loop(tickMs, stop.signal);
}
