// The triggers Cloud Scheduler passes to the runner: a Cloud Run Admin API `jobs.run`
// request whose container override sets ESCHER_TRIGGER, in the runner's TriggerSchema shape.

import { TRIGGER_ENV_VAR, type Trigger, TriggerSchema } from '@escher/shared';

export const RUNNER_CONTAINER = 'runner';

export function jobTrigger(job: string): Trigger {
  return TriggerSchema.parse({ kind: 'job', job });
}

export function reportTrigger(): Trigger {
  return TriggerSchema.parse({ kind: 'report' });
}

/** The due tick: job runs a snooze delayed, carried out once their time has come. */
export function dueTrigger(): Trigger {
  return TriggerSchema.parse({ kind: 'due' });
}

/** How often the due tick fires: a delayed run happens at most this late. */
export const DUE_TICK = { cron: '*/15 * * * *', timezone: 'UTC' } as const;

/** The JSON body of `POST …/jobs/<job>:run`; env overrides merge with the job's own env. */
export function runJobBody(trigger: Trigger): string {
  return JSON.stringify({
    overrides: {
      containerOverrides: [
        { name: RUNNER_CONTAINER, env: [{ name: TRIGGER_ENV_VAR, value: JSON.stringify(trigger) }] },
      ],
    },
  });
}

export function runJobUri(project: string, region: string, job: string): string {
  return `https://run.googleapis.com/v2/projects/${project}/locations/${region}/jobs/${job}:run`;
}
