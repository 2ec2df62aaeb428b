// What the audit-log classifiers see of one call, and what they decide about it.

import type { EventType } from '@escher/shared';
import type { Baseline } from '../build-event.js';
import type { Json } from '../fields.js';

export interface AuditCall {
  service: string;
  /** Without the API version prefix: 'compute.firewalls.insert', not 'v1.compute.firewalls.insert'. */
  method: string;
  resourceName: string;
  request: Json | undefined;
  /** serviceData.policyDelta.bindingDeltas (IAM changes), when present. */
  bindingDeltas: Json[];
}

export interface AuditFinding {
  eventType: EventType;
  baseline: Baseline;
  metadata?: Record<string, unknown>;
}
