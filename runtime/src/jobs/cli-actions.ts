// What `escher jobs …` does, apart from flag parsing: manage stored jobs and templates,
// list upcoming runs, run a job or template now, and snooze a run.

import { instantiateTemplate, type JobSpec, TemplateParameterError } from '@escher/shared';
import type { CliContext } from '../cli/context.js';
import type { RunnerState } from '../pipeline/state.js';
import { loadDeploymentConfig } from '../runner/config.js';
import { openRunnerState } from '../runner/open-state.js';
import { openSecretStore } from '../secrets/open-secret-store.js';
import { JobSpecError } from './errors.js';
import { findJob, jobRunDeps } from './job-runner.js';
import { type JobStore, stateJobStore } from './job-store.js';
import { runJob } from './run-job.js';
import { nextRuns } from './schedule.js';
import { isTemplate, parseJobSpec, parseJobTemplate, parseSpecText } from './spec-file.js';

export interface StoreFlags {
  store?: string;
}

async function open(c: CliContext, flags: StoreFlags): Promise<{ state: RunnerState; store: JobStore }> {
  const { state } = await openRunnerState({ env: c.env, redactor: c.redactor, storeUrl: flags.store });
  return { state, store: stateJobStore(state, await loadDeploymentConfig(c.env)) };
}

function parseInstant(value: string | undefined, flag: string): Date {
  if (value === undefined) return new Date();
  const at = new Date(value);
  if (Number.isNaN(at.getTime()))
    throw new JobSpecError(`${flag} "${value}" is not an ISO-8601 instant`, {
      hint: 'e.g. 2026-11-20T19:00:00Z',
    });
  return at;
}

function parseCount(value: string | undefined): number {
  const count = Number(value ?? '5');
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw new JobSpecError(`--count "${value}" must be an integer from 1 to 1000`);
  return count;
}

const localTime = (at: Date, tz: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    dateStyle: 'medium',
    timeStyle: 'long',
  }).format(at);

export async function addAction(c: CliContext, file: string, flags: StoreFlags): Promise<void> {
  const raw = parseSpecText(await c.readInput(file), file);
  const { store } = await open(c, flags);
  if (isTemplate(raw)) {
    const template = parseJobTemplate(raw, file);
    await store.putTemplate(template);
    c.out(`added template ${template.name} (parameters: ${Object.keys(template.parameters).join(', ')})\n`);
    return;
  }
  const spec = parseJobSpec(raw, file);
  await store.putJob(spec);
  c.out(
    `added job ${spec.name}; next run ${nextRuns(spec.schedule, new Date(), 1)[0]?.toISOString() ?? 'never'}\n`,
  );
}

export async function listAction(c: CliContext, flags: StoreFlags & { json?: boolean }): Promise<void> {
  const { store } = await open(c, flags);
  const rows = (await store.jobs()).map((j) => ({
    name: j.name,
    action: j.action,
    cron: j.schedule.cron,
    timezone: j.schedule.timezone,
    next: nextRuns(j.schedule, new Date(), 1)[0]?.toISOString() ?? null,
  }));
  const templates = (await store.templates()).map((t) => ({
    name: t.name,
    parameters: Object.keys(t.parameters),
  }));
  if (flags.json) return c.out(`${JSON.stringify({ jobs: rows, templates })}\n`);
  for (const r of rows) c.out(`${r.name}\t${r.action}\t${r.cron} ${r.timezone}\tnext ${r.next ?? 'never'}\n`);
  for (const t of templates) c.out(`${t.name}\ttemplate\tparameters: ${t.parameters.join(', ')}\n`);
}

export async function showAction(c: CliContext, name: string, flags: StoreFlags): Promise<void> {
  const { store } = await open(c, flags);
  const job = await findJob(store, name);
  const next = nextRuns(job.schedule, new Date(), 5).map((d) => d.toISOString());
  c.out(`${JSON.stringify({ ...job, next_runs: next }, null, 2)}\n`);
}

export async function removeAction(c: CliContext, name: string, flags: StoreFlags): Promise<void> {
  const { store } = await open(c, flags);
  if (!(await store.removeJob(name))) {
    throw new JobSpecError(`no stored job named "${name}"`, {
      hint: 'jobs from the deployment config are removed there',
    });
  }
  c.out(`removed job ${name}\n`);
}

export async function nextAction(
  c: CliContext,
  name: string | undefined,
  flags: StoreFlags & { spec?: string; from?: string; count?: string; json?: boolean; tz?: string },
): Promise<void> {
  const from = parseInstant(flags.from, '--from');
  const count = parseCount(flags.count);
  let jobs: JobSpec[];
  if (flags.spec) jobs = [parseJobSpec(parseSpecText(await c.readInput(flags.spec), flags.spec), flags.spec)];
  else {
    const { store } = await open(c, flags);
    jobs = name ? [await findJob(store, name)] : await store.jobs();
  }
  const [only] = jobs;
  if (flags.json && flags.spec && only) {
    // The documented contract: a bare JSON array of UTC ISO-8601 instants.
    c.out(`${JSON.stringify(nextRuns(only.schedule, from, count).map((d) => d.toISOString()))}\n`);
    return;
  }
  const runs = jobs.map((j) => ({
    job: j.name,
    runs: nextRuns(j.schedule, from, count).map((d) => d.toISOString()),
  }));
  if (flags.json) return c.out(`${JSON.stringify(runs)}\n`);
  const tz = flags.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const r of runs) for (const at of r.runs) c.out(`${r.job}\t${localTime(new Date(at), tz)}\t${at}\n`);
}

export async function runAction(
  c: CliContext,
  name: string,
  flags: StoreFlags & { param: string[]; dryRun?: boolean; at?: string; json?: boolean },
): Promise<void> {
  const { state, store } = await open(c, flags);
  const template = (await store.templates()).find((t) => t.name === name);
  const params = Object.fromEntries(
    flags.param.map((p) => {
      const eq = p.indexOf('=');
      if (eq < 1) throw new JobSpecError(`--param "${p}" must be key=value`);
      return [p.slice(0, eq), p.slice(eq + 1)];
    }),
  );
  let job: JobSpec;
  try {
    job = template ? instantiateTemplate(template, params) : await findJob(store, name);
  } catch (err) {
    if (err instanceof TemplateParameterError)
      throw new JobSpecError(err.message, { cause: err, hint: 'nothing was run' });
    throw err;
  }
  if (!template && flags.param.length > 0)
    throw new JobSpecError(`--param applies to templates; "${name}" is a job`);
  if (flags.dryRun) job = { ...job, dry_run: true };
  const deps = jobRunDeps(
    {
      env: c.env,
      state,
      log: c.log,
      config: await loadDeploymentConfig(c.env),
      // Member accounts are reached with the credentials kept there; without it, only the home account.
      secrets: c.env.ESCHER_SECRETS ? openSecretStore(c.env.ESCHER_SECRETS, c.env, c.redactor) : undefined,
    },
    store,
  );
  const result = await runJob(job, parseInstant(flags.at, '--at'), {
    ...deps,
    snoozes: await store.snoozes(job.name),
  });
  if (flags.json) c.out(`${JSON.stringify(result)}\n`);
  else c.out(`${result.summary}\n`);
  if (result.operations.some((o) => o.outcome === 'failed')) process.exitCode = 1;
}

export async function snoozeAction(
  c: CliContext,
  name: string,
  flags: StoreFlags & { skip?: boolean; delay?: string; at?: string; by?: string },
): Promise<void> {
  const { store } = await open(c, flags);
  const job = await findJob(store, name);
  if (Boolean(flags.skip) === Boolean(flags.delay))
    throw new JobSpecError('give exactly one of --skip or --delay <duration>');
  const runAt = flags.at ? parseInstant(flags.at, '--at') : nextRuns(job.schedule, new Date(), 1)[0];
  if (!runAt) throw new JobSpecError(`job "${name}" has no upcoming run`);
  const exact = nextRuns(job.schedule, new Date(runAt.getTime() - 1), 1)[0];
  if (exact?.getTime() !== runAt.getTime()) {
    throw new JobSpecError(`--at ${runAt.toISOString()} is not a scheduled run of "${name}"`, {
      hint: `escher jobs next ${name}`,
    });
  }
  const delay = flags.delay ? /^(\d+)(m|h)$/.exec(flags.delay) : undefined;
  if (flags.delay && !delay) throw new JobSpecError(`--delay "${flags.delay}" must look like 30m or 2h`);
  const minutes = delay ? Number(delay[1]) * (delay[2] === 'h' ? 60 : 1) : undefined;
  await store.addSnooze({
    job: name,
    run_at: runAt.toISOString(),
    kind: flags.skip ? 'skip' : 'delay',
    ...(minutes ? { delay_minutes: minutes } : {}),
    created_at: new Date().toISOString(),
    created_by: flags.by ?? c.env.raw.USER ?? 'user',
  });
  c.out(
    `${flags.skip ? 'skipping' : `delaying by ${flags.delay}`} the run of ${name} at ${runAt.toISOString()}\n`,
  );
}
