// The final severity: the event's baseline, raised or lowered by the first of the user's
// severity rules that matches ("any public bucket is CRITICAL"). Pure.

import type { Severity, SeverityRule, UnifiedEvent } from '@escher/shared';

export interface SeverityFacts {
  environment?: string | undefined;
  data_classification?: string | undefined;
}

export interface SeverityOutcome {
  severity: Severity;
  reason: string;
}

function ruleMatches(rule: SeverityRule, event: UnifiedEvent, facts: SeverityFacts): boolean {
  const w = rule.when;
  if (w.event_types && !w.event_types.includes(event.event_type)) return false;
  if (w.resource_types && !w.resource_types.includes(event.resource.type)) return false;
  if (w.environments && !(facts.environment && w.environments.includes(facts.environment as never)))
    return false;
  if (
    w.data_classifications &&
    !(facts.data_classification && w.data_classifications.includes(facts.data_classification as never))
  )
    return false;
  if (w.metric_above) {
    const value = Number(event.resource.metadata[w.metric_above.field]);
    if (!Number.isFinite(value) || value <= w.metric_above.value) return false;
  }
  return true;
}

export function finalSeverity(
  event: UnifiedEvent,
  facts: SeverityFacts,
  rules: SeverityRule[],
): SeverityOutcome {
  const rule = rules.find((r) => ruleMatches(r, event, facts));
  if (rule) return { severity: rule.severity, reason: `rule "${rule.name}"` };
  const baseline = event.resource.metadata.severity_reason;
  return {
    severity: event.severity,
    reason: typeof baseline === 'string' && baseline ? baseline : 'event baseline',
  };
}
