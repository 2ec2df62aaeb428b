// The canonical morning report: what immutable_reports stores (never modified afterwards)
// and what every renderer (Markdown, HTML, CSV, PDF, banner, chat summary) reads.

import { z } from 'zod';
import { CloudProviderSchema, RemediationIdSchema } from '../catalog/catalog.js';
import { SeveritySchema } from '../events/unified-event.js';
import { ReportSectionNameSchema, ReportSettingsSchema } from './settings.js';

export const REPORT_SCHEMA_VERSION = 1;
const Usd = z.number();
const Day = z.iso.date();

/** One collector's run: a section missing data says which and why. */
export const CollectorStatusSchema = z.strictObject({
  collector: z.string().min(1),
  section: ReportSectionNameSchema,
  cloud: CloudProviderSchema.or(z.literal('runtime')),
  account: z.string(),
  status: z.enum(['ok', 'unavailable']),
  reason: z.string().optional(),
});
export type CollectorStatus = z.infer<typeof CollectorStatusSchema>;

export const CostDriverSchema = z.strictObject({
  cloud: CloudProviderSchema,
  account: z.string(),
  service: z.string(),
  yesterday: Usd,
  previous: Usd,
  delta: Usd,
});
export type CostDriver = z.infer<typeof CostDriverSchema>;

export const CostSummarySchema = z.strictObject({
  /** Cost data lags about a day: the end of the last complete day it covers. */
  as_of: z.iso.datetime(),
  currency: z.literal('USD'),
  yesterday: Usd,
  previous_day: Usd,
  delta: Usd,
  /** Undefined when the previous day cost nothing. */
  delta_percent: z.number().optional(),
  above_threshold: z.boolean(),
  month_to_date: Usd,
  budget: z
    .strictObject({ monthly: Usd, used_percent: z.number(), status: z.enum(['ok', 'warning', 'exceeded']) })
    .optional(),
  by_cloud: z.array(z.strictObject({ cloud: CloudProviderSchema, yesterday: Usd, previous_day: Usd })),
  top_drivers: z.array(CostDriverSchema),
  trend: z.array(z.strictObject({ date: Day, amount: Usd })),
});
export type CostSummary = z.infer<typeof CostSummarySchema>;

export const FindingKindSchema = z.enum([
  'public_bucket',
  'unencrypted_volume',
  'open_admin_port',
  'weak_password_policy',
  'root_without_mfa',
  'idle_instance',
  'overprovisioned_instance',
  'unattached_volume',
  'old_snapshot',
  'failed_backup',
  'stopped_service',
  'failed_deployment',
  'runtime_alert',
  'cost_spike',
]);
export type FindingKind = z.infer<typeof FindingKindSchema>;

export const FindingSchema = z.strictObject({
  /** Stable across days (kind + cloud + account + resource), so deltas can match it. */
  id: z.string().min(1),
  kind: FindingKindSchema,
  section: ReportSectionNameSchema,
  severity: SeveritySchema,
  cloud: CloudProviderSchema,
  account: z.string(),
  region: z.string(),
  resource_id: z.string(),
  resource_name: z.string(),
  title: z.string().min(1),
  detail: z.string(),
  monthly_saving_usd: Usd.optional(),
  /** One-click fix from the catalog, when one exists; the user still approves it. */
  fix: z.strictObject({ label: z.string(), remediation: RemediationIdSchema.optional() }).optional(),
  questions: z.array(z.string()).default([]),
  /** Against the previous report. */
  status: z.enum(['new', 'open']),
});
export type Finding = z.infer<typeof FindingSchema>;

export const NewResourceSchema = z.strictObject({
  cloud: CloudProviderSchema,
  account: z.string(),
  resource_id: z.string(),
  name: z.string(),
  resource_type: z.string(),
  created_at: z.string().optional(),
  created_by: z.string().optional(),
});

export const ReportSummarySchema = z.strictObject({
  headline: z.string().min(1),
  bullets: z.array(z.string()),
  /** Finding ids, most urgent first. */
  priorities: z.array(z.string()),
  questions: z.array(z.string()),
  /** Which one answered: the AI server, or the built-in summary. */
  source: z.enum(['ai', 'builtin']),
  /** Why the built-in summary answered when an AI server is configured. */
  fallback_reason: z.string().optional(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

const Count = z.number().int().nonnegative();

/** The runtime's own work over the last 24 hours, from its alert records and dead letters. */
export const RuntimeHealthSchema = z.strictObject({
  since: z.iso.datetime(),
  alerts: z.strictObject({
    total: Count,
    by_severity: z.record(SeveritySchema, Count),
    /** By alert status: remediated, pending_approval, dry_run, notified, failed. */
    by_status: z.record(z.string(), Count),
  }),
  failed_remediations: z.array(
    z.strictObject({
      alert_id: z.string().min(1),
      action: z.string().min(1),
      cloud: CloudProviderSchema,
      account: z.string(),
      resource_id: z.string(),
      at: z.iso.datetime({ offset: true }),
      error: z.string().optional(),
    }),
  ),
  /** Triggers the runtime could not process, kept whole in the state. */
  dead_letters: z.array(
    z.strictObject({ id: z.string().min(1), at: z.iso.datetime(), step: z.string(), error: z.string() }),
  ),
});
export type RuntimeHealth = z.infer<typeof RuntimeHealthSchema>;

export const ReportSchema = z.strictObject({
  schema_version: z.literal(REPORT_SCHEMA_VERSION),
  id: z.string().min(1),
  /** The report's day (the morning it is read); cost covers the day before. */
  date: Day,
  generated_at: z.iso.datetime(),
  previous_report_id: z.string().optional(),
  settings: ReportSettingsSchema,
  collectors: z.array(CollectorStatusSchema),
  cost: CostSummarySchema.optional(),
  findings: z.array(FindingSchema),
  /** Findings of the previous report that are gone today. */
  resolved: z.array(FindingSchema.omit({ status: true })),
  new_resources: z.array(NewResourceSchema),
  totals: z.strictObject({
    resources: z.number().int().nonnegative(),
    potential_monthly_savings_usd: Usd,
    by_severity: z.record(SeveritySchema, z.number().int().nonnegative()),
  }),
  summary: ReportSummarySchema,
  runtime_health: RuntimeHealthSchema.optional(),
});
export type Report = z.infer<typeof ReportSchema>;

export function reportId(date: string): string {
  return `report:${date}`;
}
