// Baseline severity of a firewall/security-group change from what it admits. Shared by
// the AWS security group and GCP firewall normalisers so both clouds rate alike:
//   world (0.0.0.0/0, ::/0) on an admin port (22 SSH, 3389 RDP) or on all ports → CRITICAL
//   world on a database/cache port → HIGH; world on any other port → MEDIUM
//   anything narrower than the world → INFO

import type { Baseline } from './build-event.js';

export interface PortRange {
  from: number;
  to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };
const ADMIN_PORTS = [22, 3389];
const DATA_PORTS = [1433, 3306, 5432, 5984, 6379, 9042, 9200, 11211, 27017];
const WORLD = new Set(['0.0.0.0/0', '::/0', '*', 'Internet', 'Any']);

export function isWorld(cidr: string): boolean {
  return WORLD.has(cidr);
}

export function exposureBaseline(
  world: boolean,
  ports: PortRange[],
  direction: 'ingress' | 'egress',
): Baseline {
  const shown = ports.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(',') || 'all';
  if (!world)
    return { severity: 'INFO', reason: `${direction} opened to a limited source on ports ${shown}` };
  if (direction === 'egress')
    return { severity: 'MEDIUM', reason: `egress opened to the internet on ${shown}` };
  const covers = (list: number[]) => ports.some((p) => list.some((port) => p.from <= port && port <= p.to));
  if (ports.length === 0 || covers(ADMIN_PORTS)) {
    return { severity: 'CRITICAL', reason: `ingress from the internet on an admin port (${shown})` };
  }
  if (covers(DATA_PORTS))
    return { severity: 'HIGH', reason: `ingress from the internet on a data port (${shown})` };
  return { severity: 'MEDIUM', reason: `ingress from the internet on ports ${shown}` };
}
