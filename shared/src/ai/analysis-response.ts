// What the Escher AI server (or the built-in analyst) answers. Strict: an unknown field,
// an action outside the catalog or a malformed value makes the whole answer unusable.

import { z } from 'zod';
import { RemediationIdSchema } from '../catalog/catalog.js';
import { SeveritySchema } from '../events/unified-event.js';

export const AnalysisResponseSchema = z.strictObject({
  /** Echo of the request's id. */
  request_id: z.string().min(1),
  severity: SeveritySchema,
  root_cause: z.string().min(1).max(2000),
  impact: z.string().min(1).max(2000),
  /** One catalog action to take, or null to take none. */
  recommended_action: RemediationIdSchema.nullable(),
  /** Resource ids the action should touch; a subset of the request's candidate_targets. */
  targets: z.array(z.string().min(1)).max(100),
  playbook: z.array(z.string().min(1).max(500)).max(20),
  risk: z.enum(['low', 'medium', 'high']),
  suggested_questions: z.array(z.string().min(1).max(300)).max(10).default([]),
});
export type AnalysisResponse = z.infer<typeof AnalysisResponseSchema>;

/** Which analyst answered and, when the built-in one took over, why. */
export const AnalystInfoSchema = z.strictObject({
  analyst: z.enum(['server', 'builtin']),
  /** Why the built-in analyst answered (no server configured, timeout, invalid answer...). */
  fallback_reason: z.string().optional(),
  attempts: z.number().int().nonnegative(),
});
export type AnalystInfo = z.infer<typeof AnalystInfoSchema>;
