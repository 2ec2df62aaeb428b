// The alert record: everything the runner learnt and did about one event, in
// alerts_events. It carries the timeline the seed shows ("2:32:15 AM - Bucket policy
// changed ... 2:32:30 AM - Auto-remediated") and the exposure time.

import { z } from 'zod';
import { AnalysisResponseSchema, AnalystInfoSchema } from '../ai/analysis-response.js';
import { RemediationIdSchema } from '../catalog/catalog.js';
import { SeveritySchema, UnifiedEventSchema } from '../events/unified-event.js';
import { OperationOutcomeSchema, OperationTargetSchema } from './operation.js';

/** The pipeline's steps in the order a run takes them. */
export const PIPELINE_STEPS = [
  'accept',
  'normalise',
  'load_state',
  'enrich',
  'analyse',
  'decide',
  'act',
  'verify',
  'notify',
  'record',
  'commit',
] as const;
export const PipelineStepSchema = z.enum(PIPELINE_STEPS);
export type PipelineStep = z.infer<typeof PipelineStepSchema>;

export const TimelineEntrySchema = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  /** 'event' for the cloud's own timestamp, otherwise the pipeline step. */
  step: z.union([PipelineStepSchema, z.literal('event')]),
  text: z.string().min(1),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const DispositionSchema = z.enum([
  'execute',
  'dry_run',
  'pending_approval',
  'notify_only',
  'declined',
]);
export type Disposition = z.infer<typeof DispositionSchema>;

export const DecidedActionSchema = z.strictObject({
  action: RemediationIdSchema,
  target: OperationTargetSchema,
  params: z.record(z.string(), z.unknown()),
  disposition: DispositionSchema,
  reason: z.string().min(1),
});
export type DecidedAction = z.infer<typeof DecidedActionSchema>;

export const ActionResultSchema = z.strictObject({
  operation_id: z.string().min(1),
  action: RemediationIdSchema,
  target: OperationTargetSchema,
  outcome: OperationOutcomeSchema,
  reason: z.string(),
  plan: z.array(z.string()).default([]),
  changes: z.array(z.string()).default([]),
  verified: z.boolean().optional(),
  observed: z.string().optional(),
  error: z.string().optional(),
  undo: z.string().optional(),
  started_at: z.iso.datetime(),
  finished_at: z.iso.datetime(),
});
export type ActionResult = z.infer<typeof ActionResultSchema>;

export const AlertRecordSchema = z.strictObject({
  /** The event id: one alert per event, however often it is delivered. */
  id: z.string().min(1),
  event: UnifiedEventSchema,
  severity: SeveritySchema,
  severity_reason: z.string(),
  enrichment: z.record(z.string(), z.unknown()),
  analysis: z.strictObject({ info: AnalystInfoSchema, response: AnalysisResponseSchema }),
  decision: z.array(DecidedActionSchema),
  actions: z.array(ActionResultSchema),
  notifications: z.array(
    z.strictObject({ channel: z.string(), ok: z.boolean(), error: z.string().optional() }),
  ),
  timeline: z.array(TimelineEntrySchema),
  /** Seconds from the cloud event to the verified fix; absent when nothing was fixed. */
  exposure_seconds: z.number().nonnegative().optional(),
  status: z.enum(['remediated', 'pending_approval', 'dry_run', 'notified', 'failed']),
  dry_run: z.boolean(),
});
export type AlertRecord = z.infer<typeof AlertRecordSchema>;
