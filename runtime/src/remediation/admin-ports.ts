// "Admin ports open to the world", the part every cloud shares: which ports count (the
// entry's `ports` parameter or SSH and RDP), which sources mean anyone, whether a port
// range reaches a port, and which sources remain once the world is taken out. Pure; each
// cloud's rule shape stays in its own module.

import type { RemediationTarget } from './executor.js';

export const DEFAULT_ADMIN_PORTS: readonly number[] = [22, 3389];

/** CIDRs that mean "anyone"; clouds add their own aliases (NSG service tags) through `extra`. */
const WORLD_CIDRS = ['0.0.0.0/0', '::/0'];

export function worldSources(extra: readonly string[] = []): (source: string) => boolean {
  const world = new Set([...WORLD_CIDRS, ...extra].map((s) => s.toLowerCase()));
  return (source) => world.has(source.toLowerCase());
}

/** The entry's `ports` parameter when it is a non-empty list of integers, else SSH and RDP. */
export function adminPortsOf(target: RemediationTarget): readonly number[] {
  const ports = target.params.ports;
  return Array.isArray(ports) && ports.length > 0 && ports.every((p) => Number.isInteger(p))
    ? (ports as number[])
    : DEFAULT_ADMIN_PORTS;
}

/** The entry's `allowed_cidrs` parameter: where admin access stays open; none means close it. */
export function allowedCidrsOf(target: RemediationTarget): string[] {
  const cidrs = target.params.allowed_cidrs;
  return Array.isArray(cidrs) ? cidrs.filter((c): c is string => typeof c === 'string') : [];
}

/** Whether "*", "3389" or "3000-4000" reaches the port; anything else reaches none. */
export function portRangeCovers(range: string, port: number): boolean {
  if (range.trim() === '*') return true;
  const [from, to] = range.split('-').map((p) => Number(p.trim()));
  if (from === undefined || Number.isNaN(from)) return false;
  return from <= port && port <= (to === undefined || Number.isNaN(to) ? from : to);
}

/** The sources a narrowed rule keeps: its own non-world sources plus the allowed CIDRs, once each. */
export function narrowedSources(
  sources: readonly string[],
  allowedCidrs: readonly string[],
  isWorld: (source: string) => boolean,
): string[] {
  return [...new Set([...sources.filter((s) => !isWorld(s)), ...allowedCidrs])];
}
