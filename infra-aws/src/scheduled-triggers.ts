// The scheduled work of a deployment, derived from the same config the runner reads: one
// entry per job, one for the morning report, one for state maintenance (retention expiry
// and compaction) and, when there are jobs, the due tick that carries out job runs a snooze
// delayed. The stack makes one EventBridge Scheduler schedule per entry.

import type { ExtensionConfig, Trigger } from '@escher/shared';
import { toSchedulerCron } from './schedule-expression.js';

export interface ScheduledTrigger {
  /** Construct id, stable across deployments so CloudFormation updates instead of replacing. */
  id: string;
  description: string;
  /** EventBridge Scheduler expression, e.g. "cron(0 20 ? * 2-6 *)". */
  expression: string;
  timezone: string;
  trigger: Trigger;
}

/** Replaced by EventBridge Scheduler with the planned time; the runner uses it to run a firing once. */
export const SCHEDULED_TIME_PLACEHOLDER = '<aws.scheduler.scheduled-time>';

/** Maintenance runs an hour after the report, in the report's time zone. */
const MAINTENANCE_CRON = '0 3 * * *';

/** How often delayed job runs are looked for: a "delay 2 h" happens at most this late. */
export const DUE_TICK_EXPRESSION = 'rate(15 minutes)';

export function scheduledTriggers(cfg: ExtensionConfig): ScheduledTrigger[] {
  const jobs = cfg.jobs.map(
    (job): ScheduledTrigger => ({
      id: `Job-${job.name}`,
      description: job.description ?? `Escher job ${job.name}: ${job.action} ${job.selector.tags}`,
      expression: toSchedulerCron(job.schedule.cron),
      timezone: job.schedule.timezone,
      trigger: { kind: 'job', job: job.name, scheduled_for: SCHEDULED_TIME_PLACEHOLDER },
    }),
  );
  // Without jobs nothing can be delayed, and a task every 15 minutes would cost for nothing.
  const due: ScheduledTrigger[] = jobs.length
    ? [
        {
          id: 'Due',
          description: 'Escher due tick: job runs delayed by a snooze, once their time has come',
          expression: DUE_TICK_EXPRESSION,
          timezone: 'UTC',
          trigger: { kind: 'due' },
        },
      ]
    : [];
  return [
    ...jobs,
    ...due,
    {
      id: 'Report',
      description: 'Escher morning report',
      expression: toSchedulerCron(cfg.report.cron),
      timezone: cfg.report.timezone,
      trigger: { kind: 'report' },
    },
    {
      id: 'Maintenance',
      description: 'Escher state maintenance: retention expiry and compaction',
      expression: toSchedulerCron(MAINTENANCE_CRON),
      timezone: cfg.report.timezone,
      trigger: { kind: 'maintenance' },
    },
  ];
}

/** RunTask overrides that hand the trigger to the runner container, as `escher task` expects. */
export function containerOverridesInput(containerName: string, trigger: Trigger): string {
  return JSON.stringify({
    containerOverrides: [
      { name: containerName, environment: [{ name: 'ESCHER_TRIGGER', value: JSON.stringify(trigger) }] },
    ],
  });
}
