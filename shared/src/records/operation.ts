// Records of what the runner did to a cloud. An executed operation is one catalog action
// or job action on one target; an audit record is its append-only, tamper-evident twin in
// the audit log. Both are written by every path that acts: remediation, jobs, approvals.

import { z } from 'zod';
import { CloudProviderSchema } from '../catalog/catalog.js';

export const OperationTargetSchema = z.object({
  cloud: CloudProviderSchema,
  /** AWS account id, Azure subscription id, GCP project id. */
  account: z.string().min(1),
  region: z.string(),
  resource_type: z.string().min(1),
  resource_id: z.string().min(1),
  name: z.string().optional(),
});
export type OperationTarget = z.infer<typeof OperationTargetSchema>;

export const OperationOutcomeSchema = z.enum([
  'succeeded',
  'failed',
  'skipped',
  'dry_run',
  'pending_approval',
]);
export type OperationOutcome = z.infer<typeof OperationOutcomeSchema>;

export const ExecutedOperationSchema = z.object({
  /** Stable id: the same logical operation always gets the same id (idempotency key). */
  id: z.string().min(1),
  kind: z.enum(['remediation', 'job', 'approval']),
  /** Catalog id for remediations, the job action for jobs (e.g. 'stop'). */
  action: z.string().min(1),
  target: OperationTargetSchema,
  outcome: OperationOutcomeSchema,
  /** Why it was done (or not), in words a person reads. */
  reason: z.string(),
  started_at: z.iso.datetime(),
  finished_at: z.iso.datetime(),
  /** The alert, job run or approval that caused it. */
  source: z.object({ kind: z.enum(['event', 'job', 'approval']), id: z.string().min(1) }),
  verified: z.boolean().optional(),
  error: z.string().optional(),
  /** What undoing it means, from the catalog entry. */
  undo: z.string().optional(),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type ExecutedOperation = z.infer<typeof ExecutedOperationSchema>;

export const AuditRecordSchema = z.object({
  id: z.string().min(1),
  at: z.iso.datetime(),
  /** Who acted: 'runner:<host>' for automation, or the approving user. */
  actor: z.string().min(1),
  action: z.string().min(1),
  target: OperationTargetSchema.optional(),
  outcome: OperationOutcomeSchema,
  /** The executed operation, alert or job run this record attests. */
  subject: z.object({ collection: z.string().min(1), id: z.string().min(1) }),
  summary: z.string(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;
