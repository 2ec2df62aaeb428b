// Which catalog action answers which kind of event: one table, one line per action.
// Pure: reads only the UnifiedEvent and the user's settings. An action listed here is a
// candidate only; decide() still applies pre-approval, scope and the analyst's narrowing.

import {
  catalogEntry,
  type OperationTarget,
  type RemediationId,
  type RemediationSettings,
  type UnifiedEvent,
} from '@escher/shared';

export interface Candidate {
  action: RemediationId;
  target: OperationTarget;
  params: Record<string, unknown>;
}

interface CandidateRule {
  action: RemediationId;
  matches(event: UnifiedEvent): boolean;
  params(event: UnifiedEvent, settings: RemediationSettings): Record<string, unknown>;
}

const PUBLIC_STORAGE = new Set(['storage_public_access_granted', 'storage_public_access_unblocked']);
const meta = (event: UnifiedEvent, field: string) => event.resource.metadata[field];

/** The alarm's name as each cloud's normaliser records it (CloudWatch, Azure Monitor, Cloud Monitoring). */
const alarmName = (event: UnifiedEvent) =>
  String(meta(event, 'alarm_name') ?? meta(event, 'alert_rule') ?? meta(event, 'policy_name') ?? '');

/**
 * Azure reports a write (Event Grid ResourceWriteSuccess, an activity-log alert) without
 * saying what changed, so a write to a resource an entry guards makes that entry a
 * candidate; the entry's check() reads the live state and decides whether anything is needed.
 */
const AZURE_WRITE = new Set(['resource_created', 'resource_modified']);
const azureWrite = (event: UnifiedEvent, nativeType: RegExp) =>
  event.cloud_provider === 'azure' &&
  AZURE_WRITE.has(event.event_type) &&
  nativeType.test(String(meta(event, 'native_type') ?? ''));
const AZURE_STORAGE_ACCOUNT = /^microsoft\.storage\/storageaccounts(\/blobservices(\/containers)?)?$/i;
const AZURE_NSG = /^microsoft\.network\/networksecuritygroups(\/securityrules)?$/i;

/** The alarm's metric name, from the EventBridge alarm event's configuration when present. */
function metricName(event: UnifiedEvent): string {
  const raw = event.raw_event as {
    detail?: { configuration?: { metrics?: { metricStat?: { metric?: { name?: unknown } } }[] } };
  };
  const name =
    raw?.detail?.configuration?.metrics?.[0]?.metricStat?.metric?.name ?? meta(event, 'metric_name');
  return typeof name === 'string' ? name : '';
}

/**
 * An idle-instance alarm: by convention its name says "idle" (the alarms Escher's stacks
 * create are named "<prefix>-idle-<instance>"), because an alarm state change does not
 * carry its comparison operator and a high-CPU alarm must never stop an instance.
 */
const idleAlarm = (event: UnifiedEvent) =>
  event.event_type === 'metric_alarm_firing' && /(^|[^a-z])idle([^a-z]|$)/i.test(alarmName(event));
const storageAlarm = (event: UnifiedEvent) =>
  event.event_type === 'metric_alarm_firing' &&
  (metricName(event) === 'FreeStorageSpace' || /storage/i.test(alarmName(event)));
const is = (event: UnifiedEvent, cloud: string, types: string[]) =>
  event.cloud_provider === cloud && types.includes(event.resource.type);

const none = () => ({});
const adminPorts = (_e: UnifiedEvent, s: RemediationSettings) => ({
  ports: s.admin_ports,
  allowed_cidrs: s.allowed_admin_cidrs,
});
const idle = (_e: UnifiedEvent, s: RemediationSettings) => ({ idle_hours: s.idle_hours });

const RULES: CandidateRule[] = [
  {
    action: 'aws.s3.block_public_access',
    matches: (e) => is(e, 'aws', ['object_storage']) && PUBLIC_STORAGE.has(e.event_type),
    params: none,
  },
  {
    action: 'aws.ec2.revoke_public_admin_ingress',
    matches: (e) => is(e, 'aws', ['security_group']) && e.event_type === 'network_exposure_opened',
    params: adminPorts,
  },
  {
    action: 'aws.ec2.stop_instance',
    matches: (e) => is(e, 'aws', ['compute_instance']) && idleAlarm(e),
    params: idle,
  },
  {
    action: 'aws.ec2.enable_ebs_encryption_by_default',
    matches: (e) =>
      is(e, 'aws', ['volume']) &&
      ['resource_created', 'config_noncompliant'].includes(e.event_type) &&
      meta(e, 'encrypted') === false,
    params: none,
  },
  {
    action: 'aws.rds.increase_allocated_storage',
    matches: (e) => is(e, 'aws', ['database_instance']) && storageAlarm(e),
    params: (_e, s) => ({ increase_percent: s.storage_increase_percent }),
  },
  {
    action: 'azure.storage.disallow_public_access',
    matches: (e) =>
      (is(e, 'azure', ['object_storage', 'storage_account']) && PUBLIC_STORAGE.has(e.event_type)) ||
      azureWrite(e, AZURE_STORAGE_ACCOUNT),
    params: none,
  },
  {
    action: 'azure.network.remove_public_admin_rule',
    matches: (e) =>
      (is(e, 'azure', ['security_group']) && e.event_type === 'network_exposure_opened') ||
      azureWrite(e, AZURE_NSG),
    params: adminPorts,
  },
  {
    action: 'azure.compute.deallocate_vm',
    matches: (e) => is(e, 'azure', ['compute_instance']) && idleAlarm(e),
    params: idle,
  },
  {
    action: 'gcp.storage.remove_public_access',
    matches: (e) => is(e, 'gcp', ['object_storage']) && PUBLIC_STORAGE.has(e.event_type),
    params: none,
  },
  {
    action: 'gcp.compute.restrict_public_firewall',
    matches: (e) => is(e, 'gcp', ['firewall_rule']) && e.event_type === 'network_exposure_opened',
    params: adminPorts,
  },
  {
    action: 'gcp.compute.stop_instance',
    matches: (e) => is(e, 'gcp', ['compute_instance']) && idleAlarm(e),
    params: idle,
  },
];

export function targetOf(event: UnifiedEvent): OperationTarget {
  return {
    cloud: event.cloud_provider,
    account: event.account_id,
    region: event.region,
    resource_type: event.resource.type,
    resource_id: event.resource.id,
    ...(event.resource.name ? { name: event.resource.name } : {}),
  };
}

/** The catalog actions that would fix what this event reports, before any approval check. */
export function candidatesFor(event: UnifiedEvent, settings: RemediationSettings): Candidate[] {
  return RULES.filter(
    (rule) => rule.matches(event) && catalogEntry(rule.action).cloud === event.cloud_provider,
  ).map((rule) => ({ action: rule.action, target: targetOf(event), params: rule.params(event, settings) }));
}
