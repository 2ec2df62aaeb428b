// JobSpec: a scheduled operation ("stop all dev VMs at 8pm Europe/Berlin"). One schema
// read by the runner (which executes jobs), the Local Only daemon (which schedules them)
// and the infrastructure stacks (which create one cloud schedule per job).

import { z } from 'zod';
import { CloudProviderSchema } from '../catalog/catalog.js';

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Five-field cron (minute hour day-of-month month day-of-week), checked field by field. */
const CRON_FIELD =
  /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$|^[A-Za-z]{3}(-[A-Za-z]{3})?(,[A-Za-z]{3})*$/;
export function isValidCron(expr: string): boolean {
  const fields = expr.trim().split(/\s+/);
  return fields.length === 5 && fields.every((f) => CRON_FIELD.test(f));
}

export const ScheduleSchema = z.object({
  cron: z.string().refine(isValidCron, { message: 'must be a 5-field cron expression, e.g. "0 20 * * 1-5"' }),
  timezone: z
    .string()
    .refine(isValidTimeZone, { message: 'must be an IANA time zone, e.g. "Europe/Berlin"' }),
  /** Dates (YYYY-MM-DD, in the schedule's time zone) on which the job does not run. */
  exclude_dates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')).default([]),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const JobActionSchema = z.enum(['stop', 'start', 'deallocate', 'hibernate']);
export type JobAction = z.infer<typeof JobActionSchema>;

export const SelectorSchema = z
  .object({
    resource_types: z.array(z.enum(['compute_instance', 'database_instance'])).min(1),
    clouds: z.array(CloudProviderSchema).min(1).default(['aws', 'azure', 'gcp']),
    /** AWS account ids, Azure subscription ids, GCP project ids; empty = all configured. */
    accounts: z.array(z.string().min(1)).default([]),
    regions: z.array(z.string().min(1)).default([]),
    /** Tag expression, e.g. "env=dev AND NOT escher:skip=true". */
    tags: z.string().min(1),
  })
  .describe('Which resources the job acts on');
export type Selector = z.infer<typeof SelectorSchema>;

export const GuardrailsSchema = z.object({
  max_targets: z.number().int().positive().default(500),
  /** Refuse when the job would touch more than this fraction of the matching fleet. */
  max_fleet_fraction: z.number().gt(0).max(1).default(1),
  allow_production: z.boolean().default(false),
});

export const JobSpecSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes (at most 63)'),
  description: z.string().optional(),
  schedule: ScheduleSchema,
  action: JobActionSchema,
  selector: SelectorSchema,
  guardrails: GuardrailsSchema.prefault({}),
  dry_run: z.boolean().default(false),
  notify: z
    .array(z.enum(['email', 'sms', 'slack', 'teams', 'pagerduty', 'webhook', 'banner']))
    .default(['banner']),
});
export type JobSpec = z.infer<typeof JobSpecSchema>;
export type JobSpecInput = z.input<typeof JobSpecSchema>;
