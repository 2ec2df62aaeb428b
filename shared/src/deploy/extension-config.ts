// The deployment config of "Extend My Laptop": one file (escher.config.yaml) from which
// the AWS, Azure and GCP stacks create their resources and from which the runner reads
// its jobs, so schedules are defined once.

import { z } from 'zod';
import { CloudProviderSchema, RemediationIdSchema } from '../catalog/catalog.js';
import { JobSpecSchema, ScheduleSchema } from '../jobs/job-spec.js';

export const RetentionSchema = z.object({
  cost_days: z.number().int().positive().default(90),
  audit_days: z.number().int().positive().default(365),
  alerts_days: z.number().int().positive().default(365),
});

export const NotificationConfigSchema = z.object({
  emails: z.array(z.email()).default([]),
  /** E.164 phone numbers for CRITICAL SMS. */
  sms: z
    .array(z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +14155550100'))
    .default([]),
  /** Channels whose endpoints live in the secret store (never in the config). */
  slack: z.boolean().default(false),
  teams: z.boolean().default(false),
  pagerduty: z.boolean().default(false),
});

export const ExtensionConfigSchema = z
  .object({
    /** Prefix of every resource name. */
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,20}$/, 'must be 2-21 lowercase letters, digits, dashes')
      .default('escher'),
    home_cloud: CloudProviderSchema,
    aws: z
      .object({ account: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id'), region: z.string() })
      .optional(),
    azure: z
      .object({
        subscription_id: z.uuid(),
        location: z.string().min(1),
        resource_group: z.string().min(1).optional(),
      })
      .optional(),
    gcp: z.object({ project: z.string().min(6), region: z.string().min(1) }).optional(),
    /** The runner image; each stack defaults to building it from container/. */
    image: z.string().optional(),
    retention: RetentionSchema.prefault({}),
    remediations: z.array(RemediationIdSchema).default([]),
    jobs: z.array(JobSpecSchema).default([]),
    report: ScheduleSchema.default({ cron: '0 2 * * *', timezone: 'UTC', exclude_dates: [] }),
    notifications: NotificationConfigSchema.prefault({}),
    /** Escher AI server; the token lives in the secret store. */
    ai_url: z.url().optional(),
  })
  .superRefine((cfg, ctx) => {
    if (!cfg[cfg.home_cloud]) {
      ctx.addIssue({
        code: 'custom',
        path: [cfg.home_cloud],
        message: `home_cloud is ${cfg.home_cloud} but no ${cfg.home_cloud} section is given`,
      });
    }
    const names = new Set<string>();
    cfg.jobs.forEach((job, i) => {
      if (names.has(job.name))
        ctx.addIssue({
          code: 'custom',
          path: ['jobs', i, 'name'],
          message: `duplicate job name "${job.name}"`,
        });
      names.add(job.name);
    });
  });
export type ExtensionConfig = z.infer<typeof ExtensionConfigSchema>;
export type ExtensionConfigInput = z.input<typeof ExtensionConfigSchema>;

/** Parses a config and names the first wrong field, e.g. "jobs.0.schedule.timezone: must be an IANA time zone". */
export function parseExtensionConfig(input: unknown): ExtensionConfig {
  const result = ExtensionConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigValidationError(lines);
}

export class ConfigValidationError extends Error {
  override name = 'ConfigValidationError';
  constructor(readonly problems: string[]) {
    super(`invalid Escher config: ${problems.join('; ')}`);
  }
}
