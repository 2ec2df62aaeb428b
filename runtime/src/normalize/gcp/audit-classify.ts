// Decides what an audited GCP call means. Direction comes from the request: a binding
// ADDed for allUsers/allAuthenticatedUsers opens a bucket (CRITICAL), a REMOVE closes
// it; an INGRESS allow rule opens the network (severity by source range and ports),
// a delete or deny closes it.

import { ALL_PORTS, exposureBaseline, isWorld, type PortRange } from '../exposure.js';
import { arr, bool, isObject, type Json, str } from '../fields.js';
import { critical, high, info, medium } from '../severity.js';
import type { AuditCall, AuditFinding } from './audit-call.js';

const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);
const POWER_ROLES = new Set([
  'roles/owner',
  'roles/editor',
  'roles/iam.securityAdmin',
  'roles/resourcemanager.projectIamAdmin',
]);
const INSTANCE_STATE = /^compute\.instances\.(start|stop|reset|suspend|resume)$/;

export function classifyAudit(call: AuditCall): AuditFinding {
  if (call.bindingDeltas.length > 0) return iamChange(call);
  if (/^compute\.firewalls\.(insert|patch|update)$/.test(call.method)) return firewallWrite(call.request);
  if (call.method === 'compute.firewalls.delete')
    return { eventType: 'network_exposure_closed', baseline: info('firewall rule deleted') };
  const state = INSTANCE_STATE.exec(call.method);
  if (state) {
    return {
      eventType: 'instance_state_changed',
      baseline: info(`instance ${state[1]}`),
      metadata: { action: state[1] },
    };
  }
  return generic(call.method);
}

function iamChange(call: AuditCall): AuditFinding {
  const added = call.bindingDeltas.filter((d) => d.action === 'ADD');
  const removed = call.bindingDeltas.filter((d) => d.action === 'REMOVE');
  const isPublic = (d: Json) => PUBLIC_MEMBERS.has(str(d, 'member') ?? '');
  const bucket = call.service === 'storage.googleapis.com';
  const deltas = call.bindingDeltas.map((d) => `${d.action} ${d.role} ${d.member}`);
  if (added.some(isPublic)) {
    const members = added
      .filter(isPublic)
      .map((d) => d.member)
      .join(', ');
    return {
      eventType: bucket ? 'storage_public_access_granted' : 'iam_access_granted',
      baseline: critical(`${members} granted on ${call.resourceName}`),
      metadata: { binding_deltas: deltas },
    };
  }
  if (bucket && removed.some(isPublic) && added.length === 0) {
    return {
      eventType: 'storage_public_access_revoked',
      baseline: info('public member removed'),
      metadata: { binding_deltas: deltas },
    };
  }
  if (added.length > 0) {
    const power = added.some((d) => POWER_ROLES.has(str(d, 'role') ?? ''));
    return {
      eventType: 'iam_access_granted',
      baseline: power ? high('owner/editor/IAM-admin role granted') : medium('role binding added'),
      metadata: { binding_deltas: deltas },
    };
  }
  return {
    eventType: 'iam_access_revoked',
    baseline: info('role binding removed'),
    metadata: { binding_deltas: deltas },
  };
}

function firewallWrite(request: Json | undefined): AuditFinding {
  // Audit logs write the repeated fields as 'alloweds'/'denieds'; the API calls them allowed/denied.
  const allowed = arr(request, 'alloweds') ?? arr(request, 'allowed') ?? [];
  const denied = arr(request, 'denieds') ?? arr(request, 'denied') ?? [];
  const direction = str(request, 'direction') === 'EGRESS' ? 'egress' : 'ingress';
  if (bool(request, 'disabled') === true || (allowed.length === 0 && denied.length > 0)) {
    return { eventType: 'network_exposure_closed', baseline: info('firewall rule denies or is disabled') };
  }
  const ranges = (arr(request, direction === 'ingress' ? 'sourceRanges' : 'destinationRanges') ?? []).filter(
    (r): r is string => typeof r === 'string',
  );
  const scoped = arr(request, 'sourceTags') ?? arr(request, 'sourceServiceAccounts');
  // An ingress rule with no source ranges, tags or service accounts applies to 0.0.0.0/0.
  const world =
    ranges.some(isWorld) || (direction === 'ingress' && ranges.length === 0 && scoped === undefined);
  const ports = allowed.flatMap(portsOf);
  return {
    eventType: 'network_exposure_opened',
    baseline: exposureBaseline(world, ports, direction),
    metadata: { direction, source_ranges: ranges, ports },
  };
}

function portsOf(rule: unknown): PortRange[] {
  if (!isObject(rule)) return [];
  const protocol = str(rule, 'IPProtocol') ?? str(rule, 'ipProtocol');
  if (protocol === 'icmp') return [];
  const ports = arr(rule, 'ports');
  if (!ports || ports.length === 0) return [ALL_PORTS];
  return ports.flatMap((p) => {
    if (typeof p !== 'string') return [];
    const [from, to] = p.split('-').map(Number);
    if (from === undefined || !Number.isInteger(from)) return [];
    return [{ from, to: to !== undefined && Number.isInteger(to) ? to : from }];
  });
}

function generic(method: string): AuditFinding {
  const verb = method.slice(method.lastIndexOf('.') + 1);
  if (/^(get|list|search|aggregatedList|getIamPolicy|testIamPermissions)/i.test(verb)) {
    return { eventType: 'unclassified', baseline: info(`read-only call ${method}`) };
  }
  if (/^(insert|create)/i.test(verb)) return { eventType: 'resource_created', baseline: info(`${method}`) };
  if (/^delete/i.test(verb)) return { eventType: 'resource_deleted', baseline: info(`${method}`) };
  return { eventType: 'resource_modified', baseline: info(`${method}`) };
}
