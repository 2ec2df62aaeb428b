// The triggers the Logic Apps pass to the runner container, in the runner's TriggerSchema
// shape. Values computed at run time (the scheduled time, the event body) are Logic Apps
// expressions that the workflow engine fills in before the container starts.

import { TRIGGER_ENV_VAR, type Trigger, TriggerSchema } from '@escher/shared';

export function jobTrigger(job: string): Trigger {
  return TriggerSchema.parse({ kind: 'job', job });
}

export function reportTrigger(): Trigger {
  return TriggerSchema.parse({ kind: 'report' });
}

/** `ESCHER_TRIGGER` for a job's recurrence run: the job plus the run's scheduled time (UTC). */
export function jobTriggerValue(job: string): string {
  const body = JSON.stringify(jobTrigger(job));
  return `${body.slice(0, -1)},"scheduled_for":"@{trigger().scheduledTime}"}`;
}

/** The report takes its date from the runner's clock in the report's time zone. */
export const REPORT_TRIGGER_VALUE = JSON.stringify(reportTrigger());

/** The due tick: job runs a snooze delayed, carried out once their time has come. */
export const DUE_TRIGGER_VALUE = JSON.stringify(TriggerSchema.parse({ kind: 'due' }));

/** How often the due tick fires: a delayed run happens at most this late. */
export const DUE_TICK = { cron: '*/15 * * * *', timezone: 'UTC' } as const;

/**
 * `ESCHER_TRIGGER` for a pushed event, kept verbatim. Event Grid posts an array (one event
 * per delivery, see the subscription's batch size); Azure Monitor posts one alert object.
 */
export const EVENT_TRIGGER_VALUE =
  "@{string(createObject('kind', 'event', 'event', if(equals(triggerOutputs()?['headers']?['aeg-event-type'], " +
  "'Notification'), first(triggerBody()), triggerBody())))}";

export { TRIGGER_ENV_VAR };
