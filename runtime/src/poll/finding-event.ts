// A polled finding as the unified event the pipeline takes, shaped like the event the
// cloud's own normaliser would give the call that caused it (same resource type, id form
// and native type), so severity rules, pre-approved remediations and notifications apply
// unchanged. One line per cloud and kind.

import type { CloudProvider, ResourceType, UnifiedEvent } from '@escher/shared';
import type { CriticalFinding, CriticalKind } from './critical-findings.js';

/** The source namespace of polled events, in event ids and metadata. */
export const POLL_SOURCE = 'escher.poll';

interface EventShape {
  type: ResourceType;
  nativeType: string;
  id(f: CriticalFinding): string;
  eventType: UnifiedEvent['event_type'];
}

const SHAPES: Record<`${CloudProvider}:${CriticalKind}`, EventShape> = {
  'aws:public_bucket': {
    type: 'object_storage',
    nativeType: 'AWS::S3::Bucket',
    id: (f) => `arn:aws:s3:::${f.resource_id}`,
    eventType: 'storage_public_access_granted',
  },
  'aws:open_admin_port': {
    type: 'security_group',
    nativeType: 'AWS::EC2::SecurityGroup',
    id: (f) => f.resource_id,
    eventType: 'network_exposure_opened',
  },
  'azure:public_bucket': {
    type: 'storage_account',
    nativeType: 'Microsoft.Storage/storageAccounts',
    id: (f) => f.resource_id,
    eventType: 'storage_public_access_granted',
  },
  'azure:open_admin_port': {
    type: 'security_group',
    nativeType: 'Microsoft.Network/networkSecurityGroups/securityRules',
    id: (f) => f.resource_id,
    eventType: 'network_exposure_opened',
  },
  'gcp:public_bucket': {
    type: 'object_storage',
    nativeType: 'gcs_bucket',
    id: (f) => `projects/_/buckets/${f.resource_id}`,
    eventType: 'storage_public_access_granted',
  },
  'gcp:open_admin_port': {
    type: 'firewall_rule',
    nativeType: 'gce_firewall_rule',
    id: (f) => f.resource_id,
    eventType: 'network_exposure_opened',
  },
};

/**
 * The event for one episode of a finding: its id names the finding and when it was first
 * seen, so every poll while it stays open gives the same id (the pipeline's inbox keeps it
 * to one alert) and a finding that comes back after it was resolved is a new alert.
 */
export function findingEvent(finding: CriticalFinding, firstSeen: string): UnifiedEvent {
  const shape = SHAPES[`${finding.cloud}:${finding.kind}`];
  const id = shape.id(finding);
  return {
    event_id: `${finding.cloud}:${POLL_SOURCE}:${finding.kind}:${id}@${firstSeen}`,
    event_type: shape.eventType,
    severity: 'CRITICAL',
    cloud_provider: finding.cloud,
    account_id: finding.account,
    region: finding.region || 'global',
    resource: {
      type: shape.type,
      id,
      name: finding.name,
      tags: {},
      metadata: {
        native_type: shape.nativeType,
        severity_reason: `found by the CRITICAL poll: ${finding.detail}`,
        normaliser: POLL_SOURCE,
      },
    },
    context: {},
    timestamp: firstSeen,
    raw_event: { source: POLL_SOURCE, finding, first_seen: firstSeen },
  };
}
