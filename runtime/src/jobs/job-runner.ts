// Wiring a job run to the runner's world: jobs and snoozes from the store, the estate from
// the state's cloud_estate collection, cloud fleets from the environment, records through
// the state. The entry for the runner's `{kind:'job'}` trigger and for `escher jobs run`.

import { hostname } from 'node:os';
import {
  type EstateResource,
  EstateResourceSchema,
  type ExtensionConfig,
  type JobSpec,
} from '@escher/shared';
import { AwsClients } from '../clouds/aws/clients.js';
import { AzureClients } from '../clouds/azure/clients.js';
import { type CloudClients, cloudFleets } from '../clouds/fleets.js';
import { GcpClients } from '../clouds/gcp/clients.js';
import type { RuntimeEnv } from '../config/env.js';
import type { Logger } from '../log.js';
import type { Notifier } from '../notify/notification.js';
import type { RunnerState } from '../pipeline/state.js';
import { JobSpecError } from './errors.js';
import type { FleetProvider } from './fleet.js';
import { type JobStore, stateJobStore } from './job-store.js';
import { type JobRunDeps, type JobRunResult, runJob } from './run-job.js';
import { stateOperationLog } from './state-log.js';

export interface JobRunnerOptions {
  env: RuntimeEnv;
  state: RunnerState;
  log: Logger;
  config?: ExtensionConfig | undefined;
  notifier?: Notifier;
  clock?: () => Date;
  /** Fleets to act through; default: cloudFleets over clients built from the environment and config. */
  fleets?: FleetProvider;
}

export function defaultCloudClients(env: RuntimeEnv, config?: ExtensionConfig): CloudClients {
  return {
    aws: new AwsClients(env, {
      ...(config?.aws?.account ? { homeAccount: config.aws.account } : {}),
      ...(env.ESCHER_AWS_MEMBER_ROLE ? { memberRole: env.ESCHER_AWS_MEMBER_ROLE } : {}),
    }),
    azure: new AzureClients(env),
    gcp: new GcpClients(env),
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
    fleets: o.fleets ?? cloudFleets(defaultCloudClients(o.env, o.config)),
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

/** Runs a job by name (deployment config or stored), as the `{kind:'job'}` trigger asks. */
export async function runJobByName(
  name: string,
  scheduledFor: Date,
  o: JobRunnerOptions,
): Promise<JobRunResult> {
  const store = stateJobStore(o.state, o.config);
  const job = await findJob(store, name);
  const deps = jobRunDeps(o, store);
  return runJob(job, scheduledFor, { ...deps, snoozes: await store.snoozes(name) });
}
