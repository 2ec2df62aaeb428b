// The user's remediation settings: the seed's pre-approvals (each off until enabled,
// scoped by environment, account and exclusion tags), severity rules and the run mode.
// Stored in alerts_events; defaults come from the deployment config's `remediations`.

import { z } from 'zod';
import { PreApprovalSettingSchema } from '../catalog/catalog.js';
import { EventTypeSchema } from '../events/event-types.js';
import { ResourceTypeSchema } from '../events/resource-types.js';
import { SeveritySchema } from '../events/unified-event.js';

export const EnvironmentSchema = z.enum(['production', 'staging', 'dev']);

export const PreApprovalSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Empty: every environment (including resources with none). */
  environments: z.array(EnvironmentSchema).default([]),
  /** Empty: every account/subscription/project. */
  accounts: z.array(z.string().min(1)).default([]),
  /** A resource carrying any of these tags (key → value, '*' for any value) is never touched. */
  exclude_tags: z.record(z.string(), z.string()).default({}),
});
export type PreApproval = z.infer<typeof PreApprovalSchema>;

export const SeverityRuleSchema = z.strictObject({
  name: z.string().min(1),
  when: z.strictObject({
    event_types: z.array(EventTypeSchema).optional(),
    resource_types: z.array(ResourceTypeSchema).optional(),
    environments: z.array(EnvironmentSchema).optional(),
    data_classifications: z.array(z.enum(['PII', 'confidential', 'public'])).optional(),
    /** A numeric resource.metadata field above a threshold, e.g. storage_used_percent > 85. */
    metric_above: z.strictObject({ field: z.string().min(1), value: z.number() }).optional(),
  }),
  severity: SeveritySchema,
});
export type SeverityRule = z.infer<typeof SeverityRuleSchema>;

export const RemediationSettingsSchema = z.strictObject({
  /** auto: act on pre-approved actions; notify_only: never act; dry_run: say what would be done. */
  mode: z.enum(['auto', 'notify_only', 'dry_run']).default('auto'),
  pre_approvals: z.partialRecord(PreApprovalSettingSchema, PreApprovalSchema).default({}),
  severity_rules: z.array(SeverityRuleSchema).default([]),
  /** Ports whose exposure to the internet counts as an open admin port. */
  admin_ports: z.array(z.number().int().min(0).max(65535)).default([22, 3389]),
  /** When set, public admin ingress is narrowed to these CIDRs instead of revoked. */
  allowed_admin_cidrs: z.array(z.string().min(1)).default([]),
  idle_hours: z.number().positive().default(2),
  /** Percent by which an RDS instance's allocated storage is raised. */
  storage_increase_percent: z.number().int().min(10).max(100).default(25),
});
export type RemediationSettings = z.infer<typeof RemediationSettingsSchema>;
export type RemediationSettingsInput = z.input<typeof RemediationSettingsSchema>;

/** The seed's two example rules, on by default. */
export const DEFAULT_SEVERITY_RULES: SeverityRule[] = [
  {
    name: 'any public bucket is CRITICAL',
    when: {
      event_types: ['storage_public_access_granted'],
      resource_types: ['object_storage', 'storage_account'],
    },
    severity: 'CRITICAL',
  },
  {
    name: 'prod database > 85% full',
    when: {
      resource_types: ['database_instance'],
      environments: ['production'],
      metric_above: { field: 'storage_used_percent', value: 85 },
    },
    severity: 'HIGH',
  },
];
