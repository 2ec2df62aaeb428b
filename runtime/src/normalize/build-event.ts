// Assembles a UnifiedEvent from what a normaliser worked out, filling the fixed parts
// (namespaced id, empty tags/context, native type and severity reason in metadata).

import type { CloudProvider, EventType, ResourceType, Severity, UnifiedEvent } from '@escher/shared';

export interface Baseline {
  severity: Severity;
  /** Why this baseline, in words a person reviewing the event can check. */
  reason: string;
}

export interface EventDraft {
  source: string;
  /** The vendor's own id for this occurrence (eventID, alertId, insertId…). */
  vendorId: string;
  provider: CloudProvider;
  eventType: EventType;
  baseline: Baseline;
  accountId: string;
  region: string;
  resource: {
    type: ResourceType;
    id: string;
    name?: string | undefined;
    nativeType: string;
    tags?: Record<string, string> | undefined;
    metadata?: Record<string, unknown>;
  };
  timestamp: string;
  costImpact?: number | undefined;
  raw: unknown;
}

export function buildEvent(d: EventDraft): UnifiedEvent {
  return {
    event_id: `${d.provider}:${d.source}:${d.vendorId}`,
    event_type: d.eventType,
    severity: d.baseline.severity,
    cloud_provider: d.provider,
    account_id: d.accountId,
    region: d.region,
    resource: {
      type: d.resource.type,
      id: d.resource.id,
      name: d.resource.name ?? lastSegment(d.resource.id),
      tags: d.resource.tags ?? {},
      metadata: {
        ...d.resource.metadata,
        native_type: d.resource.nativeType,
        severity_reason: d.baseline.reason,
        normaliser: d.source,
      },
    },
    context: d.costImpact === undefined ? {} : { cost_impact: d.costImpact },
    timestamp: d.timestamp,
    raw_event: d.raw,
  };
}

/** The readable tail of an ARN or resource path: 'arn:…:instance/i-1' → 'i-1'. */
export function lastSegment(id: string): string {
  const cut = Math.max(id.lastIndexOf('/'), id.lastIndexOf(':'));
  const tail = cut >= 0 ? id.slice(cut + 1) : id;
  return tail.length > 0 ? tail : id;
}

/** Tags from AWS-style [{key,value}]/[{Key,Value}] lists or plain string maps. */
export function tagsFrom(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const t of value) {
      if (typeof t !== 'object' || t === null) continue;
      const rec = t as Record<string, unknown>;
      const k = rec.key ?? rec.Key;
      const v = rec.value ?? rec.Value;
      if (typeof k === 'string' && typeof v === 'string') tags[k] = v;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') tags[k] = v;
  }
  return tags;
}
