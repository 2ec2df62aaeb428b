// EC2 calls: security group rules (ingress/egress, opened or revoked) and instance
// lifecycle (run, start, stop, reboot, terminate), one finding per instance.

import { exposureBaseline, isWorld, type PortRange } from '../exposure.js';
import { arr, isObject, type Json, num, obj, str } from '../fields.js';
import { info, medium } from '../severity.js';
import type { CallClassifier, CallFinding, TrailCall } from './cloudtrail-call.js';

const LIFECYCLE: Record<string, string> = {
  StartInstances: 'started',
  StopInstances: 'stopped',
  RebootInstances: 'rebooted',
  TerminateInstances: 'terminated',
};

export const ec2Call: CallClassifier = (call) => {
  switch (call.name) {
    case 'AuthorizeSecurityGroupIngress':
      return [ruleOpened(call, 'ingress')];
    case 'AuthorizeSecurityGroupEgress':
      return [ruleOpened(call, 'egress')];
    case 'RevokeSecurityGroupIngress':
    case 'RevokeSecurityGroupEgress':
      return [groupFinding(call, 'network_exposure_closed', info('security group rule revoked'))];
    case 'RunInstances':
      return instances(call, call.response, 'resource_created', () => info('instance launched'));
    default: {
      const action = LIFECYCLE[call.name];
      if (action === undefined) return undefined;
      return instances(call, call.params, 'instance_state_changed', () =>
        action === 'terminated' ? medium('instance terminated: irreversible') : info(`instance ${action}`),
      );
    }
  }
};

function groupFinding(
  call: TrailCall,
  eventType: CallFinding['eventType'],
  baseline: CallFinding['baseline'],
) {
  const groupId = str(call.params, 'groupId') ?? str(call.params, 'groupName') ?? 'unknown-security-group';
  return {
    eventType,
    baseline,
    resource: {
      type: 'security_group' as const,
      id: groupId,
      nativeType: 'AWS::EC2::SecurityGroup',
    },
  };
}

function ruleOpened(call: TrailCall, direction: 'ingress' | 'egress'): CallFinding {
  const perms = arr(obj(call.params, 'ipPermissions'), 'items') ?? [];
  const ports: PortRange[] = [];
  const sources: string[] = [];
  for (const p of perms) {
    if (!isObject(p)) continue;
    const protocol = str(p, 'ipProtocol');
    const from = num(p, 'fromPort');
    const to = num(p, 'toPort');
    // Protocol -1 means every protocol and port; ICMP types are not ports.
    if (protocol === '-1' || protocol === 'all') ports.push({ from: 0, to: 65535 });
    else if (from !== undefined && to !== undefined && protocol !== 'icmp') ports.push({ from, to });
    for (const r of arr(obj(p, 'ipRanges'), 'items') ?? []) sources.push(str(r, 'cidrIp') ?? '');
    for (const r of arr(obj(p, 'ipv6Ranges'), 'items') ?? []) sources.push(str(r, 'cidrIpv6') ?? '');
  }
  const direct = str(call.params, 'cidrIp');
  if (direct) sources.push(direct);
  const world = sources.some(isWorld);
  const finding = groupFinding(call, 'network_exposure_opened', exposureBaseline(world, ports, direction));
  return { ...finding, resource: { ...finding.resource, metadata: { direction, sources, ports } } };
}

function instances(
  call: TrailCall,
  from: Json | undefined,
  eventType: CallFinding['eventType'],
  baseline: () => CallFinding['baseline'],
): CallFinding[] | undefined {
  const ids = (arr(obj(from, 'instancesSet'), 'items') ?? [])
    .map((item) => str(item, 'instanceId'))
    .filter((id): id is string => id !== undefined);
  if (ids.length === 0) return undefined;
  return ids.map((id) => ({
    eventType,
    baseline: baseline(),
    resource: {
      type: 'compute_instance' as const,
      id,
      nativeType: 'AWS::EC2::Instance',
      metadata: { action: call.name },
    },
  }));
}
