// What the runner sends the stateless Escher AI server to summarise a morning report, and
// what it accepts back. The request is figures only: totals, cost numbers, and per finding
// its id, kind, severity, section, status and saving — never a title, name, detail, tag or
// any other text a resource could carry, so no resource content or secret can reach it.

import { z } from 'zod';
import { CloudProviderSchema } from '../catalog/catalog.js';
import { SeveritySchema } from '../events/unified-event.js';
import { FindingKindSchema } from '../report/report.js';
import { ReportSectionNameSchema, ReportSettingsSchema } from '../report/settings.js';

const Count = z.number().int().nonnegative();

export const ReportSummaryRequestSchema = z.strictObject({
  /** The report id and its generation time: the same for every retry. */
  request_id: z.string().min(1),
  date: z.iso.date(),
  focus: ReportSettingsSchema.shape.focus,
  format: ReportSettingsSchema.shape.format,
  cost: z
    .strictObject({
      yesterday: z.number(),
      previous_day: z.number(),
      delta: z.number(),
      delta_percent: z.number().optional(),
      above_threshold: z.boolean(),
      month_to_date: z.number(),
      budget_status: z.enum(['ok', 'warning', 'exceeded']).optional(),
      top_drivers: z
        .array(z.strictObject({ cloud: CloudProviderSchema, service: z.string(), delta: z.number() }))
        .max(5),
    })
    .optional(),
  totals: z.strictObject({
    resources: Count,
    potential_monthly_savings_usd: z.number(),
    by_severity: z.record(SeveritySchema, Count),
    new_findings: Count,
    resolved_findings: Count,
    new_resources: Count,
  }),
  findings: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        kind: FindingKindSchema,
        section: ReportSectionNameSchema,
        severity: SeveritySchema,
        cloud: CloudProviderSchema,
        status: z.enum(['new', 'open']),
        monthly_saving_usd: z.number().optional(),
      }),
    )
    .max(500),
  /** Sections with a collector that could not report. */
  unavailable_sections: z.array(ReportSectionNameSchema),
});
export type ReportSummaryRequest = z.infer<typeof ReportSummaryRequestSchema>;

const Line = z.string().min(1).max(400);

export const ReportSummaryResponseSchema = z.strictObject({
  request_id: z.string().min(1),
  headline: Line,
  bullets: z.array(Line).max(8),
  /** Finding ids from the request, most urgent first; any other id makes the answer unusable. */
  priorities: z.array(z.string().min(1)).max(50),
  /** Questions the reader may ask next ("Ask me anything about this report"). */
  questions: z.array(Line).max(8),
});
export type ReportSummaryResponse = z.infer<typeof ReportSummaryResponseSchema>;
