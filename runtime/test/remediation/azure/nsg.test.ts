import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nsgRemovePublicAdminRule as entry } from '../../../src/remediation/azure/nsg-remove-public-admin-rule.js';
import { addNsg, allowTcpIn, type FakeNsg, nsgId } from '../../contract/azure-network.js';
import { type AzureWorld, contextFor, SUB, startAzureWorld } from './setup.js';

let world: AzureWorld;
let nsg: FakeNsg;
beforeAll(async () => {
  world = await startAzureWorld();
});
afterAll(() => world.server.close());
beforeEach(() => {
  world.server.requests.length = 0;
  nsg = addNsg(world.network, {
    subscription: SUB,
    resourceGroup: 'prod-rg',
    name: 'web-nsg',
    location: 'westeurope',
    rules: [
      allowTcpIn('allow-rdp-any', 100, '3389', '*'),
      allowTcpIn('allow-https', 110, '443', 'Internet'),
      allowTcpIn('allow-ssh-office', 120, '22', '203.0.113.0/24'),
      {
        name: 'deny-all-admin',
        protocol: '*',
        access: 'Deny',
        direction: 'Inbound',
        priority: 4000,
        destinationPortRange: '*',
        sourceAddressPrefix: '*',
      },
    ],
  });
});

const ctx = (params: Record<string, unknown> = {}) => contextFor(nsgId(nsg), 'security_group', params);
const c = () => world.clients(ctx().target);
const ruleNames = () => nsg.rules.map((r) => r.name).sort();

describe('azure.network.remove_public_admin_rule', () => {
  it('finds the rule that opens 3389 to any source, and only that one', async () => {
    expect(await entry.check(ctx(), await c())).toEqual({
      needed: true,
      reason: '1 rule(s) open admin ports to the internet',
      plan: ['delete allow-rdp-any (Tcp 3389 from *)'],
    });
  });

  it('fails verification while the rule is still there, naming it', async () => {
    expect(await entry.verify(ctx(), await c())).toEqual({
      ok: false,
      observed: 'still open: allow-rdp-any (Tcp 3389 from *)',
    });
  });

  it('deletes it through the long-running operation and verifies', async () => {
    expect(await entry.apply(ctx(), await c())).toEqual({
      changes: ['deleted allow-rdp-any (Tcp 3389 from *)'],
    });
    expect(ruleNames()).toEqual(['allow-https', 'allow-ssh-office', 'deny-all-admin']);
    expect(await entry.verify(ctx(), await c())).toEqual({
      ok: true,
      observed: 'no admin port open to the internet',
    });
    const deletes = world.server.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => `${r.path}?api-version=${r.query.get('api-version')}`)).toEqual([
      `${nsgId(nsg)}/securityRules/allow-rdp-any?api-version=2026-01-01`,
    ]);
  });

  it('narrows the rule to the configured CIDRs in place, keeping its name and priority', async () => {
    const narrow = ctx({ allowed_cidrs: ['198.51.100.0/24', '192.0.2.10/32'] });
    expect(await entry.apply(narrow, await c())).toEqual({
      changes: [
        'narrowed allow-rdp-any (Tcp 3389 from *) to allow-rdp-any (Tcp 3389 from 198.51.100.0/24,192.0.2.10/32)',
      ],
    });
    expect(nsg.rules.find((r) => r.name === 'allow-rdp-any')).toEqual({
      name: 'allow-rdp-any',
      protocol: 'Tcp',
      access: 'Allow',
      direction: 'Inbound',
      priority: 100,
      destinationPortRange: '3389',
      sourceAddressPrefixes: ['198.51.100.0/24', '192.0.2.10/32'],
    });
    expect((await entry.verify(narrow, await c())).ok).toBe(true);
  });

  it('honours a configured port list (443 counts as admin here)', async () => {
    const check = await entry.check(ctx({ ports: [443] }), await c());
    expect(check.plan).toEqual(['delete allow-https (Tcp 443 from Internet)']);
  });

  it('needs nothing when no rule is open', async () => {
    nsg.rules = nsg.rules.filter((r) => r.name !== 'allow-rdp-any');
    expect(await entry.check(ctx(), await c())).toEqual({
      needed: false,
      reason: 'no admin port is open to the internet',
      plan: [],
    });
  });

  it('reports a deleted NSG as gone', async () => {
    world.network.nsgs.clear();
    await expect(entry.check(ctx(), await c())).rejects.toMatchObject({
      name: 'ResourceGoneError',
      message: 'network security group web-nsg no longer exists',
    });
  });
});
