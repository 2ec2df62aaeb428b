// The user's report customisation (seed "Report Customization"): sections, thresholds,
// focus, format and what counts as CRITICAL. Stored in alerts_events; every field has the
// seed's default so an empty object is the default report.

import { z } from 'zod';
import { SeveritySchema } from '../events/unified-event.js';

export const REPORT_SECTIONS = ['alerts', 'cost', 'changes', 'security', 'optimisation', 'health'] as const;
export const ReportSectionNameSchema = z.enum(REPORT_SECTIONS);
export type ReportSectionName = z.infer<typeof ReportSectionNameSchema>;

export const ReportThresholdsSchema = z.strictObject({
  /** A day-over-day increase above either limit is flagged. */
  cost_increase_usd: z.number().nonnegative().default(100),
  cost_increase_percent: z.number().nonnegative().default(10),
  /** Idle: average CPU below this for `idle_days`. */
  idle_cpu_percent: z.number().positive().max(100).default(5),
  idle_days: z.number().int().positive().default(7),
  /** Over-provisioned: average CPU below this for `rightsize_days`. */
  rightsize_cpu_percent: z.number().positive().max(100).default(30),
  rightsize_days: z.number().int().positive().default(30),
  old_snapshot_days: z.number().int().positive().default(90),
});
export type ReportThresholds = z.infer<typeof ReportThresholdsSchema>;

/** Which finding kinds the user calls CRITICAL (seed: "Define what's CRITICAL"). */
export const SeverityDefinitionsSchema = z.strictObject({
  public_bucket: SeveritySchema.default('CRITICAL'),
  budget_overrun_usd: z.number().nonnegative().default(1000),
  /** false: only production volumes are CRITICAL when unencrypted (the seed's default). */
  any_unencrypted_volume_critical: z.boolean().default(false),
});

export const ReportSettingsSchema = z.strictObject({
  sections: z.array(ReportSectionNameSchema).default([...REPORT_SECTIONS]),
  thresholds: ReportThresholdsSchema.prefault({}),
  focus: z.enum(['balanced', 'cost', 'security', 'operational']).default('balanced'),
  format: z.enum(['detailed', 'compact', 'executive']).default('detailed'),
  severity: SeverityDefinitionsSchema.prefault({}),
  /** Monthly budget per cloud in USD; absent: no budget status. */
  monthly_budget_usd: z.number().positive().optional(),
});
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;
export type ReportSettingsInput = z.input<typeof ReportSettingsSchema>;

/** The alerts_events record id under which the settings live. */
export const REPORT_SETTINGS_ID = 'settings:report';
