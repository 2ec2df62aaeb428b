// JobSpec: a scheduled operation ("stop all dev VMs at 8pm Europe/Berlin"). One schema
// read by the runner (which executes jobs), the Local Only daemon (which schedules them)
// and the infrastructure stacks (which create one cloud schedule per job).

import { Cron } from 'croner';
import { z } from 'zod';
import { CloudProviderSchema } from '../catalog/catalog.js';
import { JOB_ACTIONS, JOB_RESOURCE_TYPES, supportsAction } from './action-support.js';
import { parseTagExpression, TagExpressionError } from './tag-expression.js';

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with a cron expression, as the message of its field, or undefined when
 * croner accepts it as five fields.
 */
export function cronProblem(expr: string): string | undefined {
  const fields = expr.trim().split(/\s+/).length;
  if (fields !== 5) {
    return `must be a 5-field cron expression (minute hour day-of-month month day-of-week), e.g. "0 20 * * 1-5"; "${expr}" has ${fields}`;
  }
  try {
    new Cron(expr, { paused: true, mode: '5-part' });
    return undefined;
  } catch (err) {
    return `invalid cron "${expr}": ${err instanceof Error ? err.message : String(err)}`;
  }
}

export function isValidCron(expr: string): boolean {
  return cronProblem(expr) === undefined;
}

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const HolidaySchema = z.object({ date: DateSchema, name: z.string().min(1) });

export const ScheduleSchema = z.object({
  cron: z.string().superRefine((expr, ctx) => {
    const problem = cronProblem(expr);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  timezone: z
    .string()
    .refine(isValidTimeZone, { message: 'must be an IANA time zone, e.g. "Europe/Berlin"' }),
  /** Dates (YYYY-MM-DD, in the schedule's time zone) on which the job does not run. */
  exclude_dates: z.array(DateSchema).default([]),
  /** Named holidays (in the schedule's time zone), skipped like exclude_dates. */
  holidays: z.array(HolidaySchema).optional(),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const JobActionSchema = z.enum(JOB_ACTIONS);
export type JobAction = z.infer<typeof JobActionSchema>;

export const SelectorSchema = z
  .object({
    resource_types: z.array(z.enum(JOB_RESOURCE_TYPES)).min(1),
    clouds: z.array(CloudProviderSchema).min(1).default(['aws', 'azure', 'gcp']),
    /** AWS account ids, Azure subscription ids, GCP project ids; empty = all configured. */
    accounts: z.array(z.string().min(1)).default([]),
    regions: z.array(z.string().min(1)).default([]),
    /** Tag expression, e.g. "env=dev AND NOT escher:skip=true". */
    tags: z
      .string()
      .min(1, 'must not be empty: name the tags to select, e.g. "env=dev"')
      .superRefine((expr, ctx) => {
        if (expr === '') return; // already reported by min(1)
        try {
          parseTagExpression(expr);
        } catch (err) {
          if (!(err instanceof TagExpressionError)) throw err;
          ctx.addIssue({ code: 'custom', message: `invalid tag expression: ${err.message}` });
        }
      }),
  })
  .describe('Which resources the job acts on');
export type Selector = z.infer<typeof SelectorSchema>;

export const GuardrailsSchema = z.object({
  max_targets: z.number().int().positive().default(500),
  /** Refuse when the job would touch more than this fraction of the matching fleet. */
  max_fleet_fraction: z.number().gt(0).max(1).default(1),
  allow_production: z.boolean().default(false),
});

export const JobSpecSchema = z
  .object({
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
  })
  .superRefine((job, ctx) => {
    for (const type of job.selector.resource_types) {
      if (!job.selector.clouds.some((cloud) => supportsAction(type, cloud, job.action))) {
        ctx.addIssue({
          code: 'custom',
          path: ['action'],
          message: `"${job.action}" is not supported for ${type} on ${job.selector.clouds.join(', ')}`,
        });
      }
    }
  });
export type JobSpec = z.infer<typeof JobSpecSchema>;
export type JobSpecInput = z.input<typeof JobSpecSchema>;

/** Parses a JobSpec and names the first wrong field, e.g. "schedule.cron: invalid cron ...". */
export function jobSpecProblems(input: unknown): { spec?: JobSpec; problems: string[] } {
  const result = JobSpecSchema.safeParse(input);
  if (result.success) return { spec: result.data, problems: [] };
  return { problems: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/** JSON Schema of a JobSpec as authors write it (defaults optional), for editors and other tools. */
export function jobSpecJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(JobSpecSchema, { io: 'input' }) as Record<string, unknown>;
}
