// Which NSG rules expose an admin port to the internet, and what narrowing one leaves.
// Pure: rules in, decisions out.

import type { SecurityRule } from '@azure/arm-network';
import { narrowedSources, portRangeCovers, worldSources } from '../admin-ports.js';

/** Source prefixes that mean "anyone": the world CIDRs and the service tags NSGs accept. */
const isWorld = worldSources(['*', 'internet', 'any']);

export function sourcesOf(rule: SecurityRule): string[] {
  return [
    ...(rule.sourceAddressPrefix ? [rule.sourceAddressPrefix] : []),
    ...(rule.sourceAddressPrefixes ?? []),
  ];
}

function portRanges(rule: SecurityRule): string[] {
  return [
    ...(rule.destinationPortRange ? [rule.destinationPortRange] : []),
    ...(rule.destinationPortRanges ?? []),
  ];
}

export function exposesAdminPort(rule: SecurityRule, ports: readonly number[]): boolean {
  return (
    rule.direction === 'Inbound' &&
    rule.access === 'Allow' &&
    (rule.protocol === 'Tcp' || rule.protocol === '*') &&
    sourcesOf(rule).some(isWorld) &&
    portRanges(rule).some((range) => ports.some((port) => portRangeCovers(range, port)))
  );
}

/** The rule with its world sources replaced by the allowed CIDRs, or undefined when nothing would remain (delete it). */
export function narrowed(rule: SecurityRule, allowedCidrs: readonly string[]): SecurityRule | undefined {
  const kept = narrowedSources(sourcesOf(rule), allowedCidrs, isWorld);
  if (kept.length === 0) return undefined;
  const {
    sourceAddressPrefix: _single,
    sourceAddressPrefixes: _many,
    etag: _etag,
    provisioningState: _state,
    ...rest
  } = rule;
  return kept.length === 1
    ? { ...rest, sourceAddressPrefix: kept[0] as string }
    : { ...rest, sourceAddressPrefixes: kept };
}

export const describeRule = (rule: SecurityRule) =>
  `${rule.name} (${rule.protocol} ${portRanges(rule).join(',')} from ${sourcesOf(rule).join(',')})`;
