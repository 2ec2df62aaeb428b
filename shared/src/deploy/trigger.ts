// What starts a runner. Cloud schedulers and event routes pass one of these (as a
// container override, an environment variable or an HTTP body); the runner's entry
// points accept exactly this shape.

import { z } from 'zod';

export const TriggerSchema = z.discriminatedUnion('kind', [
  /** A scheduled job, by name, as defined in the deployment config. */
  z.object({ kind: z.literal('job'), job: z.string().min(1), scheduled_for: z.string().optional() }),
  /** The morning report (daily, default 02:00 in the user's time zone). */
  z.object({ kind: z.literal('report'), date: z.string().optional() }),
  /** One raw cloud event (EventBridge, Event Grid, Pub/Sub, webhook...), kept verbatim. */
  z.object({ kind: z.literal('event'), event: z.unknown() }),
  /** Retention expiry and compaction of the state store. */
  z.object({ kind: z.literal('maintenance') }),
  /** The scheduler's tick (every 15 minutes): job runs delayed by a snooze whose time has come. */
  z.object({ kind: z.literal('due') }),
]);
export type Trigger = z.infer<typeof TriggerSchema>;

/** The environment variable through which container platforms pass a trigger. */
export const TRIGGER_ENV_VAR = 'ESCHER_TRIGGER';
