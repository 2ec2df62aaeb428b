// Per-resource schedules: a resource carries a tag (default `escher:schedule`) whose value
// names a schedule, e.g. `escher:schedule=office-hours`. A named schedule expands into a
// stop job and a start job that select exactly the resources carrying that tag value.

import { z } from 'zod';
import { CloudProviderSchema } from '../catalog/catalog.js';
import { JOB_RESOURCE_TYPES } from './action-support.js';
import { type JobSpec, JobSpecSchema, ScheduleSchema } from './job-spec.js';

export const SCHEDULE_TAG = 'escher:schedule';

export const TagScheduleSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,55}$/, 'must be lowercase letters, digits and dashes (at most 56)'),
  timezone: ScheduleSchema.shape.timezone,
  /** Cron of the start (e.g. "0 8 * * 1-5"); omitted: the schedule only stops. */
  start: ScheduleSchema.shape.cron.optional(),
  stop: ScheduleSchema.shape.cron,
  exclude_dates: ScheduleSchema.shape.exclude_dates,
  resource_types: z.array(z.enum(JOB_RESOURCE_TYPES)).min(1).default(['compute_instance']),
  clouds: z.array(CloudProviderSchema).min(1).default(['aws', 'azure', 'gcp']),
  tag: z.string().min(1).default(SCHEDULE_TAG),
});
export type TagSchedule = z.infer<typeof TagScheduleSchema>;
export type TagScheduleInput = z.input<typeof TagScheduleSchema>;

/** The jobs `<name>-stop` and (when a start is given) `<name>-start` for one named schedule. */
export function jobsForTagSchedule(input: TagScheduleInput): JobSpec[] {
  const s = TagScheduleSchema.parse(input);
  const job = (suffix: 'stop' | 'start', cron: string) =>
    JobSpecSchema.parse({
      name: `${s.name}-${suffix}`,
      description: `${suffix} resources tagged ${s.tag}=${s.name}`,
      schedule: { cron, timezone: s.timezone, exclude_dates: s.exclude_dates },
      action: suffix,
      selector: { resource_types: s.resource_types, clouds: s.clouds, tags: `"${s.tag}"="${s.name}"` },
    });
  return s.start ? [job('stop', s.stop), job('start', s.start)] : [job('stop', s.stop)];
}
