// Which NSG rules expose an admin port to the internet, and what narrowing one leaves.
// Pure: rules in, decisions out.

import type { SecurityRule } from '@azure/arm-network';

/** Source prefixes that mean "anyone": CIDRs and the service tags NSGs accept. */
const WORLD = new Set(['*', '0.0.0.0/0', '::/0', 'internet', 'any']);
export const DEFAULT_ADMIN_PORTS = [22, 3389];

const isWorld = (prefix: string) => WORLD.has(prefix.toLowerCase());

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

/** "*", "3389" or "3000-4000". */
export function rangeCovers(range: string, port: number): boolean {
  if (range === '*') return true;
  const [from, to] = range.split('-').map((p) => Number(p.trim()));
  if (from === undefined || Number.isNaN(from)) return false;
  return from <= port && port <= (to === undefined || Number.isNaN(to) ? from : to);
}

export function exposesAdminPort(rule: SecurityRule, ports: readonly number[]): boolean {
  return (
    rule.direction === 'Inbound' &&
    rule.access === 'Allow' &&
    (rule.protocol === 'Tcp' || rule.protocol === '*') &&
    sourcesOf(rule).some(isWorld) &&
    portRanges(rule).some((range) => ports.some((port) => rangeCovers(range, port)))
  );
}

/** The rule with its world sources replaced by the allowed CIDRs, or undefined when nothing would remain (delete it). */
export function narrowed(rule: SecurityRule, allowedCidrs: readonly string[]): SecurityRule | undefined {
  const kept = [...new Set([...sourcesOf(rule).filter((p) => !isWorld(p)), ...allowedCidrs])];
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
