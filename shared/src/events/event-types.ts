// The closed `event_type` vocabulary: what happened, in one semantic word, whatever the
// cloud. Direction matters: the same API call can open or close exposure, and the
// normalisers decide which from the request, never from the call's name alone.

import { z } from 'zod';

export const EVENT_TYPES = {
  storage_public_access_granted:
    'A bucket or container became readable or writable by anyone (ACL/IAM grant to all users, public policy).',
  storage_public_access_revoked:
    'A public grant was removed or public access was blocked (e.g. a public-access-block with all flags true).',
  storage_public_access_unblocked:
    'A guard against public access was weakened or removed, without a public grant yet.',
  network_exposure_opened: 'A firewall or security group rule now admits more traffic than before.',
  network_exposure_closed: 'A firewall or security group rule was revoked or deleted.',
  metric_alarm_firing: 'A metric or log alert entered its alarm/fired state.',
  metric_alarm_resolved: 'A metric or log alert returned to OK/resolved.',
  metric_alarm_no_data: 'A metric alarm has insufficient data to decide.',
  instance_state_changed: 'A VM or database started, stopped, rebooted or was terminated.',
  iam_access_granted: 'A principal gained permissions, credentials or membership.',
  iam_access_revoked: 'A principal lost permissions, credentials or membership.',
  security_finding: 'A security service (Security Hub, GuardDuty, Defender, SCC) reports an active finding.',
  security_finding_resolved: 'A previously reported security finding was resolved or archived.',
  config_noncompliant: 'A configuration rule evaluated a resource as non-compliant.',
  config_compliant: 'A configuration rule evaluated a resource as compliant again.',
  budget_exceeded: 'Actual or forecast spend crossed a budget threshold.',
  cost_anomaly: 'Cost anomaly detection reported unusual spend.',
  resource_created: 'A resource was created.',
  resource_modified: 'A resource was changed (without a more specific kind above).',
  resource_deleted: 'A resource was deleted.',
  service_health: 'The cloud provider reports an incident, maintenance or notice affecting the estate.',
  unclassified:
    'A well-formed event no normaliser can classify (an unknown source, a failed or read-only call, an ' +
    'indeterminate rule result); kept whole in raw_event.',
} as const;

export type EventType = keyof typeof EVENT_TYPES;

export const EventTypeSchema = z.enum(Object.keys(EVENT_TYPES) as [EventType, ...EventType[]]);
