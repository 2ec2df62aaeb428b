// Wiring a job run to the runner's world: jobs and snoozes from the store, the estate from
// the state's cloud_estate collection, cloud fleets from the environment and the SecretStore
// (each cloud's SDK loaded when its first fleet is needed), records through the state. The
// entry for the runner's `{kind:'job'}` trigger and for `escher jobs run`.

import { hostname } from 'node:os';
import {
  type EstateResource,
  EstateResourceSchema,
  type ExtensionConfig,
  type JobSpec,
  type Snooze,
} from '@escher/shared';
import { type CloudClients, cloudFleets } from '../clouds/fleets.js';
import type { RuntimeEnv } from '../config/env.js';
import type { Logger } from '../log.js';
import type { Notifier } from '../notify/notification.js';
import type { RunnerState } from '../pipeline/state.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { deferredRuns, delayedUntil } from './deferred-runs.js';
import { JobSpecError } from './errors.js';
import type { FleetProvider } from './fleet.js';
import { type JobStore, stateJobStore } from './job-store.js';
import { jobRunId } from './records.js';
import { type JobRunDeps, type JobRunResult, runJob } from './run-job.js';
import { runsBetween } from './schedule.js';
import { snoozeFor } from './snooze.js';
import { stateOperationLog } from './state-log.js';

export interface JobRunnerOptions {
  env: RuntimeEnv;
  state: RunnerState;
  log: Logger;
  config?: ExtensionConfig | undefined;
  notifier?: Notifier;
  /** Member accounts' credentials (escher/<cloud>/<account>/...); the home account uses the default chain. */
  secrets?: SecretStore | undefined;
  clock?: () => Date;
  /** Fleets to act through; default: cloudFleets over clients built from the environment and config. */
  fleets?: FleetProvider;
}

/** Each cloud's clients, built (and their SDK loaded) the first time a fleet of that cloud is needed. */
export function defaultCloudClients(
  env: RuntimeEnv,
  config?: ExtensionConfig,
  secrets?: SecretStore,
): CloudClients {
  const withSecrets = secrets ? { secrets } : {};
  return {
    aws: async () =>
      new (await import('../clouds/aws/clients.js')).AwsClients(env, {
        ...(config?.aws?.account ? { homeAccount: config.aws.account } : {}),
        ...(env.ESCHER_AWS_MEMBER_ROLE ? { memberRole: env.ESCHER_AWS_MEMBER_ROLE } : {}),
        ...withSecrets,
      }),
    azure: async () =>
      new (await import('../clouds/azure/clients.js')).AzureClients(env, {
        ...(config?.azure?.subscription_id ? { homeSubscription: config.azure.subscription_id } : {}),
        ...withSecrets,
      }),
    gcp: async () => new (await import('../clouds/gcp/clients.js')).GcpClients(env),
  };
}

/** Estate records from the snapshot; unreadable ones are logged and never targeted. */
export async function loadEstate(state: RunnerState, log: Logger): Promise<EstateResource[]> {
  const out: EstateResource[] = [];
  for (const raw of await state.listRecords('cloud_estate', '')) {
    const parsed = EstateResourceSchema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else
      log.warn('estate record unreadable; jobs will not act on it', {
        problem: parsed.error.issues[0]?.message,
      });
  }
  return out;
}

export function jobRunDeps(
  o: JobRunnerOptions,
  store: JobStore,
): Omit<JobRunDeps, 'snoozes'> & { store: JobStore } {
  return {
    estate: () => loadEstate(o.state, o.log),
    fleets: o.fleets ?? cloudFleets(defaultCloudClients(o.env, o.config, o.secrets)),
    log: stateOperationLog(o.state),
    ...(o.notifier ? { notifier: o.notifier } : {}),
    ...(o.clock ? { clock: o.clock } : {}),
    actor: `runner:${hostname()}`,
    store,
  };
}

export async function findJob(store: JobStore, name: string): Promise<JobSpec> {
  const jobs = await store.jobs();
  const job = jobs.find((j) => j.name === name);
  if (!job) {
    throw new JobSpecError(`no job named "${name}"`, {
      hint: jobs.length
        ? `known jobs: ${jobs.map((j) => j.name).join(', ')}`
        : 'add one with: escher jobs add FILE',
    });
  }
  return job;
}

/** How late a scheduler may start a run that does not say which scheduled instant it is. */
const FIRING_TOLERANCE_MS = 15 * 60_000;

/**
 * Runs a job by name (deployment config or stored), as the `{kind:'job'}` trigger asks.
 * Without `scheduledFor` (Cloud Scheduler cannot pass its planned time) the run stands for
 * the job's latest scheduled instant of the last 15 minutes, so snoozes and run ids match.
 */
export async function runJobByName(
  name: string,
  scheduledFor: Date | undefined,
  o: JobRunnerOptions,
): Promise<JobRunResult> {
  const store = stateJobStore(o.state, o.config);
  const job = await findJob(store, name);
  const snoozes = await store.snoozes(name);
  const now = (o.clock ?? (() => new Date()))();
  return runAt(job, scheduledFor ?? firedFor(job, now), snoozes, now, o, store);
}

function firedFor(job: JobSpec, now: Date): Date {
  return runsBetween(job.schedule, new Date(now.getTime() - FIRING_TOLERANCE_MS), now).at(-1) ?? now;
}

async function runAt(
  job: JobSpec,
  scheduledFor: Date,
  snoozes: Snooze[],
  now: Date,
  o: JobRunnerOptions,
  store: JobStore,
): Promise<JobRunResult> {
  // A scheduler fires at the cron time whatever the snooze says: a delayed run is recorded
  // for the `{kind:'due'}` tick instead (see deferred-runs.ts).
  const later = delayedUntil(snoozes, job.name, scheduledFor, now);
  if (later) {
    await deferredRuns(o.state).defer(job.name, scheduledFor, later, now);
    const snoozed = snoozeFor(snoozes, job.name, scheduledFor);
    return {
      runId: jobRunId(job.name, scheduledFor),
      summary: `Delayed ${job.name} to ${later.toISOString()}${snoozed ? `: snoozed by ${snoozed.created_by}` : ''}`,
      operations: [],
      ...(snoozed ? { snoozed } : {}),
    };
  }
  const deps = jobRunDeps(o, store);
  return runJob(job, scheduledFor, { ...deps, snoozes });
}
