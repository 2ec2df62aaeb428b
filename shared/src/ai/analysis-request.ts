// What the runner sends the stateless Escher AI server about one incident. Built only
// from an allow-list of fields (runtime/src/ai/request-builder.ts) and redacted: no
// credentials, secrets, resource contents or encrypted payload fields ever appear here.

import { z } from 'zod';
import { CloudProviderSchema, RemediationIdSchema } from '../catalog/catalog.js';
import { EventTypeSchema } from '../events/event-types.js';
import { ResourceTypeSchema } from '../events/resource-types.js';
import { SeveritySchema } from '../events/unified-event.js';

export const PreviousIncidentSchema = z.strictObject({
  event_type: EventTypeSchema,
  at: z.iso.datetime({ offset: true }),
  severity: SeveritySchema,
  /** How it ended, e.g. 'remediated', 'pending_approval', 'notified'. */
  outcome: z.string().min(1),
});
export type PreviousIncident = z.infer<typeof PreviousIncidentSchema>;

export const AnalysisRequestSchema = z.strictObject({
  /** Same for every retry of one analysis; the server may deduplicate on it. */
  request_id: z.string().min(1),
  event: z.strictObject({
    event_id: z.string().min(1),
    event_type: EventTypeSchema,
    severity: SeveritySchema,
    cloud_provider: CloudProviderSchema,
    account_id: z.string().min(1),
    region: z.string().min(1),
    timestamp: z.string().min(1),
    resource: z.strictObject({
      type: ResourceTypeSchema,
      id: z.string().min(1),
      name: z.string(),
      native_type: z.string().optional(),
      tags: z.record(z.string(), z.string()),
    }),
  }),
  context: z.strictObject({
    environment: z.enum(['production', 'staging', 'dev']).optional(),
    data_classification: z.enum(['PII', 'confidential', 'public']).optional(),
    owner: z.string().optional(),
    previous_incidents: z.array(PreviousIncidentSchema).max(20),
  }),
  /** The catalog actions policy would allow here; the server may pick among them or none. */
  candidate_actions: z.array(RemediationIdSchema),
  /** The resources those actions may touch; the answer may name a subset, never more. */
  candidate_targets: z.array(z.string().min(1)),
});
export type AnalysisRequest = z.infer<typeof AnalysisRequestSchema>;
