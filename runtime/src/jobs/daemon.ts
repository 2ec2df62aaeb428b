// The Local Only scheduler: wakes every tick, asks planTick what is due since the last
// check (missed-run policy included), runs those jobs one after another, remembers the
// check time, and optionally polls for CRITICAL conditions once a minute.

import type { JobSpec, Snooze } from '@escher/shared';
import type { Logger } from '../log.js';
import { DEFAULT_MISSED_RUN_POLICY, type DueRun, type MissedRunPolicy, planTick } from './missed-runs.js';

export interface DaemonDeps {
  jobs: () => Promise<readonly JobSpec[]>;
  snoozes: () => Promise<readonly Snooze[]>;
  run: (job: JobSpec, scheduledFor: Date) => Promise<string>;
  /** Where the last check time survives restarts and sleep. */
  lastCheck: { get(): Promise<Date | undefined>; set(at: Date): Promise<void> };
  log: Logger;
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Checks for CRITICAL conditions (Local Only alerts by polling); called once a minute. */
  pollCritical?: () => Promise<void>;
  policy?: MissedRunPolicy;
}

export interface TickReport {
  ran: { job: string; scheduledFor: string; summary: string }[];
  missed: { job: string; scheduledFor: string }[];
}

const POLL_EVERY_MS = 60_000;

export class Daemon {
  private lastPoll = 0;

  constructor(private readonly deps: DaemonDeps) {}

  private now(): Date {
    return (this.deps.clock ?? (() => new Date()))();
  }

  /** One wake-up: run what is due, report what was missed. */
  async tick(): Promise<TickReport> {
    const now = this.now();
    // First start: nothing counts as missed from before the daemon existed.
    const last = (await this.deps.lastCheck.get()) ?? now;
    const plan = planTick(
      await this.deps.jobs(),
      await this.deps.snoozes(),
      last,
      now,
      this.deps.policy ?? DEFAULT_MISSED_RUN_POLICY,
    );
    const report: TickReport = {
      ran: [],
      missed: plan.missed.map((m) => ({ job: m.job.name, scheduledFor: m.scheduledFor.toISOString() })),
    };
    for (const m of report.missed) this.deps.log.warn('missed job run not caught up', m);
    for (const due of plan.run) report.ran.push(await this.runOne(due));
    await this.deps.lastCheck.set(now);
    if (this.deps.pollCritical && now.getTime() - this.lastPoll >= POLL_EVERY_MS) {
      this.lastPoll = now.getTime();
      await this.deps
        .pollCritical()
        .catch((error: unknown) => this.deps.log.error('critical poll failed', { error }));
    }
    return report;
  }

  private async runOne(due: DueRun): Promise<TickReport['ran'][number]> {
    const scheduledFor = due.scheduledFor.toISOString();
    try {
      const summary = await this.deps.run(due.job, due.scheduledFor);
      this.deps.log.info('job run', { job: due.job.name, scheduledFor, summary });
      return { job: due.job.name, scheduledFor, summary };
    } catch (error) {
      // One failed job never stops the scheduler; the error is reported with the run.
      const summary = `failed: ${error instanceof Error ? error.message : String(error)}`;
      this.deps.log.error('job run failed', { job: due.job.name, scheduledFor, error });
      return { job: due.job.name, scheduledFor, summary };
    }
  }

  /** Ticks until the signal aborts. */
  async loop(tickMs: number, signal: AbortSignal): Promise<void> {
    const sleep =
      this.deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    while (!signal.aborted) {
      await this.tick();
      await sleep(tickMs);
    }
  }
}
