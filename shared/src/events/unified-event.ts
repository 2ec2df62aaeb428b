// The one shape every cloud event is turned into (the product's "Unified Event Schema").
// Everything downstream — severity, enrichment, policy, remediation, the report — reads
// only this. Fields are exactly the seed's; vocabularies are closed enums.

import { z } from 'zod';
import { CloudProviderSchema } from '../catalog/catalog.js';
import { EventTypeSchema } from './event-types.js';
import { ResourceTypeSchema } from './resource-types.js';

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'INFO'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** Used for account_id or region when a well-formed but unknown event does not say. */
export const UNKNOWN = 'unknown';
/** Region of events about global things (IAM, account-wide budgets, Azure subscriptions). */
export const GLOBAL_REGION = 'global';

export const UnifiedEventSchema = z.object({
  /** Stable for the same input: provider and source namespace the vendor's own id. */
  event_id: z.string().min(1),
  event_type: EventTypeSchema,
  /** Baseline from the event alone; the final severity is decided later with the user's rules. */
  severity: SeveritySchema,
  cloud_provider: CloudProviderSchema,
  /** AWS account id, Azure subscription id, or GCP project id. */
  account_id: z.string().min(1),
  region: z.string().min(1),
  resource: z.object({
    type: ResourceTypeSchema,
    id: z.string().min(1),
    name: z.string(),
    tags: z.record(z.string(), z.string()),
    /** Always holds `native_type` and `severity_reason`; the rest depends on the source. */
    metadata: z.record(z.string(), z.unknown()),
  }),
  context: z.object({
    environment: z.enum(['production', 'staging', 'dev']).optional(),
    data_classification: z.enum(['PII', 'confidential', 'public']).optional(),
    cost_impact: z.number().optional(),
    affected_users: z.number().int().nonnegative().optional(),
  }),
  timestamp: z.iso.datetime({ offset: true }),
  /** The original cloud-specific event, untouched. */
  raw_event: z.unknown(),
});

export type UnifiedEvent = z.infer<typeof UnifiedEventSchema>;

/** The JSON Schema outsiders validate against (written to shared/schemas/ by a test). */
export function unifiedEventJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(UnifiedEventSchema, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
}
