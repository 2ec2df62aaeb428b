// The Local Only daemon's policy for runs it missed while the laptop slept or was off:
// of the runs missed since the last check, only the latest runs, and only when it is at
// most `graceMinutes` late; older ones are reported as missed and not run. A nightly stop
// caught up at 09:00 the next morning would stop machines people are working on.

import type { JobSpec, Snooze } from '@escher/shared';
import { runsBetween } from './schedule.js';
import { effectiveRunTime, snoozeFor } from './snooze.js';

export interface MissedRunPolicy {
  graceMinutes: number;
}

export const DEFAULT_MISSED_RUN_POLICY: MissedRunPolicy = { graceMinutes: 60 };

/** How far back a delay snooze can move a run (SnoozeSchema bounds delays to 24 h). */
const MAX_DELAY_MS = 24 * 3_600_000;

export interface DueRun {
  job: JobSpec;
  /** The scheduled instant: the run's identity (job run id). */
  scheduledFor: Date;
  /** When it was due after snoozes (scheduledFor + delay). */
  dueAt: Date;
}

export interface TickPlan {
  run: DueRun[];
  /** Due in the window but later than the grace allows, or older than the latest missed one. */
  missed: DueRun[];
}

export function planTick(
  jobs: readonly JobSpec[],
  snoozes: readonly Snooze[],
  lastCheck: Date,
  now: Date,
  policy: MissedRunPolicy = DEFAULT_MISSED_RUN_POLICY,
): TickPlan {
  const plan: TickPlan = { run: [], missed: [] };
  const graceMs = policy.graceMinutes * 60_000;
  for (const job of jobs) {
    const due: DueRun[] = [];
    for (const scheduledFor of runsBetween(job.schedule, new Date(lastCheck.getTime() - MAX_DELAY_MS), now)) {
      const dueAt = effectiveRunTime(snoozeFor(snoozes, job.name, scheduledFor), scheduledFor);
      if (dueAt && dueAt.getTime() > lastCheck.getTime() && dueAt.getTime() <= now.getTime()) {
        due.push({ job, scheduledFor, dueAt });
      }
    }
    due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    const latest = due.at(-1);
    for (const item of due) {
      const inTime = now.getTime() - item.dueAt.getTime() <= graceMs;
      (item === latest && inTime ? plan.run : plan.missed).push(item);
    }
  }
  return plan;
}
