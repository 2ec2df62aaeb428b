// An approval request: an action policy would take but the user has not pre-approved.
// `escher approvals approve|reject` decides it; the next run for the event carries it out.

import { z } from 'zod';
import { RemediationIdSchema } from '../catalog/catalog.js';
import { OperationTargetSchema } from './operation.js';

export const ApprovalStatusSchema = z.enum(['pending', 'approved', 'rejected', 'executed']);
export type ApprovalStatus = z.infer<typeof ApprovalStatusSchema>;

export const ApprovalRequestSchema = z.strictObject({
  /** Derived from event id + action + target, so a redelivered event never asks twice. */
  id: z.string().min(1),
  event_id: z.string().min(1),
  action: RemediationIdSchema,
  target: OperationTargetSchema,
  reason: z.string(),
  requested_at: z.iso.datetime(),
  status: ApprovalStatusSchema,
  decided_at: z.iso.datetime().optional(),
  decided_by: z.string().optional(),
  note: z.string().optional(),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequestSchema>;
