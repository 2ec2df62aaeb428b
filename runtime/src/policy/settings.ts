// Effective remediation settings: what the user stored, or else the deployment config's
// `remediations` list turned into enabled pre-approvals (unscoped). Everything else is off.

import {
  catalogEntry,
  DEFAULT_SEVERITY_RULES,
  type RemediationId,
  type RemediationSettings,
  RemediationSettingsSchema,
} from '@escher/shared';

export function settingsFromConfig(remediations: readonly RemediationId[]): RemediationSettings {
  const pre_approvals: Record<string, { enabled: true }> = {};
  for (const id of remediations) pre_approvals[catalogEntry(id).setting] = { enabled: true };
  return RemediationSettingsSchema.parse({ pre_approvals, severity_rules: DEFAULT_SEVERITY_RULES });
}

/** Stored settings win as a whole: a user who edited them chose every field. */
export function effectiveSettings(
  stored: unknown,
  remediations: readonly RemediationId[],
): RemediationSettings {
  return stored === undefined ? settingsFromConfig(remediations) : RemediationSettingsSchema.parse(stored);
}
