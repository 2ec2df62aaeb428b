// Whether a VPC firewall rule opens an admin port to the internet, and what narrowing it
// leaves. Pure. An ingress rule with no sourceRanges, sourceTags or source service accounts
// applies to 0.0.0.0/0, so emptying sourceRanges is never a way to close one.

import type { protos } from '@google-cloud/compute';
import { narrowedSources, portRangeCovers, worldSources } from '../admin-ports.js';

export type Firewall = protos.google.cloud.compute.v1.IFirewall;

const isWorld = worldSources();

export function opensAdminPort(rule: Firewall, ports: readonly number[]): boolean {
  if (rule.direction !== 'INGRESS' || rule.disabled) return false;
  if (!(rule.sourceRanges ?? []).some(isWorld)) return false;
  return (rule.allowed ?? []).some((a) => {
    const protocol = (a.IPProtocol ?? '').toLowerCase();
    if (protocol !== 'tcp' && protocol !== 'all' && protocol !== '6') return false;
    // No ports listed means every port of the protocol.
    const ranges = a.ports ?? [];
    return ranges.length === 0 || ranges.some((r) => ports.some((p) => portRangeCovers(r, p)));
  });
}

/** The patch that closes the rule: narrowed source ranges, or disabled when nothing would remain. */
export function closingPatch(rule: Firewall, allowedCidrs: readonly string[]): Firewall {
  const kept = narrowedSources(rule.sourceRanges ?? [], allowedCidrs, isWorld);
  return kept.length > 0 ? { sourceRanges: kept } : { disabled: true };
}

export const describeFirewall = (rule: Firewall) =>
  `${rule.name} (${(rule.allowed ?? []).map((a) => `${a.IPProtocol}:${(a.ports ?? ['all']).join(',')}`).join(' ')} from ${(rule.sourceRanges ?? []).join(',')})`;
