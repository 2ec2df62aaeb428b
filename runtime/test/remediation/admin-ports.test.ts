// The cloud-independent half of "admin ports open to the world", shared by the AWS security
// group, Azure NSG and GCP firewall entries.

import { describe, expect, it } from 'vitest';
import {
  adminPortsOf,
  allowedCidrsOf,
  DEFAULT_ADMIN_PORTS,
  narrowedSources,
  portRangeCovers,
  worldSources,
} from '../../src/remediation/admin-ports.js';
import type { RemediationTarget } from '../../src/remediation/executor.js';

const target = (params: Record<string, unknown>) => ({ params }) as unknown as RemediationTarget;

describe('admin ports', () => {
  it('takes the configured ports, or SSH and RDP when the list is missing, empty or not integers', () => {
    expect(adminPortsOf(target({ ports: [2222, 5985] }))).toEqual([2222, 5985]);
    expect(DEFAULT_ADMIN_PORTS).toEqual([22, 3389]);
    for (const ports of [undefined, [], [22.5], ['22'], 'ssh'])
      expect(adminPortsOf(target({ ports }))).toEqual([22, 3389]);
  });

  it('keeps only the string CIDRs of allowed_cidrs; none configured means none', () => {
    expect(allowedCidrsOf(target({ allowed_cidrs: ['10.0.0.0/8', 7, '192.0.2.0/24'] }))).toEqual([
      '10.0.0.0/8',
      '192.0.2.0/24',
    ]);
    expect(allowedCidrsOf(target({}))).toEqual([]);
    expect(allowedCidrsOf(target({ allowed_cidrs: '10.0.0.0/8' }))).toEqual([]);
  });

  it('treats 0.0.0.0/0 and ::/0 as the world, plus the aliases a cloud adds, in any case', () => {
    const plain = worldSources();
    expect(['0.0.0.0/0', '::/0', '10.0.0.0/8', 'Internet'].map(plain)).toEqual([true, true, false, false]);
    const nsg = worldSources(['*', 'internet', 'any']);
    expect(['Internet', 'ANY', '*', '10.0.0.0/8'].map(nsg)).toEqual([true, true, true, false]);
  });

  it('reads "*", single ports and ranges, and nothing else', () => {
    expect(portRangeCovers('*', 3389)).toBe(true);
    expect(portRangeCovers('22', 22)).toBe(true);
    expect(portRangeCovers('22', 23)).toBe(false);
    expect(portRangeCovers('3000-4000', 3389)).toBe(true);
    expect(portRangeCovers('3000 - 4000', 4001)).toBe(false);
    expect(portRangeCovers('ssh', 22)).toBe(false);
  });

  it('narrows sources to the non-world ones plus the allowed CIDRs, each once', () => {
    const isWorld = worldSources();
    expect(narrowedSources(['0.0.0.0/0', '10.0.0.0/8'], ['10.0.0.0/8', '192.0.2.0/24'], isWorld)).toEqual([
      '10.0.0.0/8',
      '192.0.2.0/24',
    ]);
    expect(narrowedSources(['0.0.0.0/0', '::/0'], [], isWorld)).toEqual([]);
  });
});
