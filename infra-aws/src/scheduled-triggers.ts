// The scheduled work of a deployment, derived from the same config the runner reads: one
// entry per job, one for the morning report and one for state maintenance (retention
// expiry and compaction). The stack makes one EventBridge Scheduler schedule per entry.

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
  return [
    ...jobs,
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
