// Which NSG and VPC firewall rules count as "admin port open to the internet": plain
// rule values in, the port (22 or 3389) or nothing out.

import { describe, expect, it } from 'vitest';
import { adminPortOpenedBy as nsgRule } from '../../src/report/collectors/azure-security.js';
import { adminPortOpenedBy as firewallRule } from '../../src/report/collectors/gcp-security.js';

const inbound = { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', priority: 100 } as const;

describe('an Azure NSG rule', () => {
  it('opens 22 when it allows TCP 22 inbound from any source', () => {
    expect(nsgRule({ ...inbound, destinationPortRange: '22', sourceAddressPrefix: '*' })).toBe(22);
    expect(nsgRule({ ...inbound, destinationPortRange: '*', sourceAddressPrefix: '0.0.0.0/0' })).toBe(22);
  });

  it('opens 3389 through a port range and the Internet service tag in a prefix list', () => {
    expect(
      nsgRule({
        ...inbound,
        protocol: '*',
        destinationPortRanges: ['80', '3380-3390'],
        sourceAddressPrefixes: ['198.51.100.7/32', 'Internet'],
      }),
    ).toBe(3389);
  });

  it('opens nothing when it denies, faces outward, is UDP, misses the ports or has a narrow source', () => {
    const open = { destinationPortRange: '22', sourceAddressPrefix: '*' };
    expect(nsgRule({ ...inbound, ...open, access: 'Deny' })).toBeUndefined();
    expect(nsgRule({ ...inbound, ...open, direction: 'Outbound' })).toBeUndefined();
    expect(nsgRule({ ...inbound, ...open, protocol: 'Udp' })).toBeUndefined();
    expect(nsgRule({ ...inbound, ...open, destinationPortRange: '443' })).toBeUndefined();
    expect(nsgRule({ ...inbound, ...open, sourceAddressPrefix: '10.0.0.0/8' })).toBeUndefined();
  });
});

describe('a GCP VPC firewall rule', () => {
  const world = { direction: 'INGRESS', sourceRanges: ['0.0.0.0/0'] };

  it('opens 22 for tcp:22, for tcp without ports and for all protocols', () => {
    expect(firewallRule({ ...world, allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] })).toBe(22);
    expect(firewallRule({ ...world, allowed: [{ IPProtocol: 'tcp' }] })).toBe(22);
    expect(firewallRule({ ...world, allowed: [{ IPProtocol: 'all' }] })).toBe(22);
    expect(
      firewallRule({
        direction: 'INGRESS',
        sourceRanges: ['::/0'],
        allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      }),
    ).toBe(22);
  });

  it('opens 3389 through a port range', () => {
    expect(
      firewallRule({
        ...world,
        allowed: [{ IPProtocol: 'udp' }, { IPProtocol: 'tcp', ports: ['3000-4000'] }],
      }),
    ).toBe(3389);
  });

  it('opens nothing when disabled, egress, UDP only, on other ports or from a narrow range', () => {
    const ssh = [{ IPProtocol: 'tcp', ports: ['22'] }];
    expect(firewallRule({ ...world, allowed: ssh, disabled: true })).toBeUndefined();
    expect(firewallRule({ ...world, allowed: ssh, direction: 'EGRESS' })).toBeUndefined();
    expect(firewallRule({ ...world, allowed: [{ IPProtocol: 'udp', ports: ['22'] }] })).toBeUndefined();
    expect(firewallRule({ ...world, allowed: [{ IPProtocol: 'tcp', ports: ['443'] }] })).toBeUndefined();
    expect(firewallRule({ ...world, allowed: ssh, sourceRanges: ['35.235.240.0/20'] })).toBeUndefined();
  });
});
