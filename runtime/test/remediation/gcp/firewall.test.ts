import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { firewallRestrict as entry } from '../../../src/remediation/gcp/firewall-restrict.js';
import { addFirewall, type FakeFirewall } from '../../contract/gce-firewall.js';
import { contextFor, type GcpWorld, PROJECT, startGcpWorld } from './setup.js';

let world: GcpWorld;
let rule: FakeFirewall;
beforeAll(async () => {
  world = await startGcpWorld();
});
afterAll(() => world.server.close());
beforeEach(() => {
  world.firewall.patches.length = 0;
  rule = addFirewall(world.firewall, {
    project: PROJECT,
    name: 'allow-ssh-anywhere',
    network: 'default',
    priority: 1000,
    direction: 'INGRESS',
    sourceRanges: ['0.0.0.0/0'],
    allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
    disabled: false,
  });
});

const ctx = (params: Record<string, unknown> = {}) =>
  contextFor(`projects/${PROJECT}/global/firewalls/allow-ssh-anywhere`, 'firewall_rule', params);
const c = () => world.clients(ctx().target);

describe('gcp.compute.restrict_public_firewall', () => {
  it('finds a rule that opens 22 to 0.0.0.0/0', async () => {
    expect(await entry.check(ctx(), await c())).toEqual({
      needed: true,
      reason: 'allow-ssh-anywhere (tcp:22 from 0.0.0.0/0) opens an admin port to the internet',
      plan: ['disable it on allow-ssh-anywhere'],
    });
  });

  it('disables the rule when no CIDRs are configured, waiting for the operation', async () => {
    expect(await entry.apply(ctx(), await c())).toEqual({
      changes: ['disabled allow-ssh-anywhere (tcp:22 from 0.0.0.0/0)'],
    });
    expect(world.firewall.patches).toEqual([{ disabled: true }]);
    expect(rule.disabled).toBe(true);
    expect(rule.sourceRanges).toEqual(['0.0.0.0/0']);
    expect(await entry.verify(ctx(), await c())).toEqual({
      ok: true,
      observed: 'allow-ssh-anywhere (tcp:22 from 0.0.0.0/0) is disabled',
    });
  });

  it('narrows the source ranges to the configured CIDRs', async () => {
    const narrow = ctx({ allowed_cidrs: ['203.0.113.0/24'] });
    expect(await entry.apply(narrow, await c())).toEqual({
      changes: ['narrowed allow-ssh-anywhere (tcp:22 from 0.0.0.0/0) to 203.0.113.0/24'],
    });
    expect(world.firewall.patches).toEqual([{ sourceRanges: ['203.0.113.0/24'] }]);
    expect(rule).toMatchObject({ sourceRanges: ['203.0.113.0/24'], disabled: false });
    expect((await entry.verify(narrow, await c())).ok).toBe(true);
  });

  it('treats a rule without ports as opening every port, and ignores a rule on other ports', async () => {
    rule.allowed = [{ IPProtocol: 'tcp' }];
    expect((await entry.check(ctx(), await c())).needed).toBe(true);
    rule.allowed = [{ IPProtocol: 'tcp', ports: ['443', '8080-8090'] }];
    expect(await entry.check(ctx(), await c())).toEqual({
      needed: false,
      reason: 'allow-ssh-anywhere opens no admin port to the internet',
      plan: [],
    });
  });

  it('reports a deleted rule as gone', async () => {
    world.firewall.firewalls.clear();
    await expect(entry.check(ctx(), await c())).rejects.toMatchObject({
      name: 'ResourceGoneError',
      message: 'firewall rule allow-ssh-anywhere no longer exists',
    });
  });
});
