// Azure Network resource provider (ARM) routes for network security groups: "Network
// Security Groups - List All" (each group with its securityRules) and for their rules:
// "Security Rules - List", "- Get", "- Create Or Update" (201 with the rule and an
// Azure-AsyncOperation header) and "- Delete" (202 with Location), both long-running:
// the change lands when the operation reports Succeeded (azure-lro.ts).

import { type AzureLro, azureLro } from './azure-lro.js';
import type { ContractRequest, ContractResponse, Route } from './server.js';

export const NETWORK_API_VERSION = '2026-01-01';

export interface FakeRule {
  name: string;
  protocol: 'Tcp' | 'Udp' | 'Icmp' | '*';
  access: 'Allow' | 'Deny';
  direction: 'Inbound' | 'Outbound';
  priority: number;
  destinationPortRange?: string;
  destinationPortRanges?: string[];
  sourceAddressPrefix?: string;
  sourceAddressPrefixes?: string[];
}

/** An inbound TCP allow from one source to one port: most rules the tests seed look like this. */
export const allowTcpIn = (name: string, priority: number, port: string, source: string): FakeRule => ({
  name,
  protocol: 'Tcp',
  access: 'Allow',
  direction: 'Inbound',
  priority,
  destinationPortRange: port,
  sourceAddressPrefix: source,
});

export interface FakeNsg {
  subscription: string;
  resourceGroup: string;
  name: string;
  location: string;
  rules: FakeRule[];
}

export interface AzureNetworkState {
  nsgs: Map<string, FakeNsg>;
  lro: AzureLro;
  routes: Route[];
}

export const nsgId = (n: Pick<FakeNsg, 'subscription' | 'resourceGroup' | 'name'>) =>
  `/subscriptions/${n.subscription}/resourceGroups/${n.resourceGroup}/providers/Microsoft.Network/networkSecurityGroups/${n.name}`;

function ruleBody(nsg: FakeNsg, r: FakeRule) {
  return {
    id: `${nsgId(nsg)}/securityRules/${r.name}`,
    name: r.name,
    etag: 'W/"00000000-0000-0000-0000-000000000000"',
    type: 'Microsoft.Network/networkSecurityGroups/securityRules',
    properties: {
      provisioningState: 'Succeeded',
      protocol: r.protocol,
      sourcePortRange: '*',
      destinationAddressPrefix: '*',
      access: r.access,
      priority: r.priority,
      direction: r.direction,
      sourcePortRanges: [],
      destinationPortRanges: r.destinationPortRanges ?? [],
      sourceAddressPrefixes: r.sourceAddressPrefixes ?? [],
      destinationAddressPrefixes: [],
      ...(r.destinationPortRange ? { destinationPortRange: r.destinationPortRange } : {}),
      ...(r.sourceAddressPrefix ? { sourceAddressPrefix: r.sourceAddressPrefix } : {}),
    },
  };
}

const nsgNotFound = (name: string): ContractResponse => ({
  status: 404,
  body: {
    error: {
      code: 'ResourceNotFound',
      message: `The Resource 'Microsoft.Network/networkSecurityGroups/${name}' was not found.`,
    },
  },
});

function ruleFrom(name: string, json: unknown): FakeRule | undefined {
  const p = (json as { properties?: Record<string, unknown> })?.properties;
  if (!p || typeof p.priority !== 'number' || !p.access || !p.direction || !p.protocol) return undefined;
  const prefixes = Array.isArray(p.sourceAddressPrefixes) ? (p.sourceAddressPrefixes as string[]) : [];
  const ranges = Array.isArray(p.destinationPortRanges) ? (p.destinationPortRanges as string[]) : [];
  return {
    name,
    protocol: p.protocol as FakeRule['protocol'],
    access: p.access as FakeRule['access'],
    direction: p.direction as FakeRule['direction'],
    priority: p.priority,
    ...(typeof p.destinationPortRange === 'string' ? { destinationPortRange: p.destinationPortRange } : {}),
    ...(ranges.length ? { destinationPortRanges: ranges } : {}),
    ...(typeof p.sourceAddressPrefix === 'string' ? { sourceAddressPrefix: p.sourceAddressPrefix } : {}),
    ...(prefixes.length ? { sourceAddressPrefixes: prefixes } : {}),
  };
}

export function azureNetwork(options: { inProgressPolls?: number } = {}): AzureNetworkState {
  const nsgs = new Map<string, FakeNsg>();
  const lro = azureLro({ provider: 'Microsoft.Network', apiVersion: NETWORK_API_VERSION, ...options });
  const find = (req: ContractRequest) =>
    nsgs.get(`${req.params.sub}/${req.params.rg}/${req.params.nsg}`.toLowerCase());
  const base =
    '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/networkSecurityGroups/{nsg}/securityRules';
  const ruleNotFound = (req: ContractRequest): ContractResponse => ({
    status: 404,
    body: { error: { code: 'NotFound', message: `Resource ${req.path} not found.` } },
  });
  return {
    nsgs,
    lro,
    routes: [
      ...lro.routes,
      {
        method: 'GET',
        path: '/subscriptions/{sub}/providers/Microsoft.Network/networkSecurityGroups',
        handler: (req) => ({
          status: 200,
          body: {
            value: [...nsgs.values()]
              .filter((n) => n.subscription === req.params.sub)
              .map((n) => ({
                id: nsgId(n),
                name: n.name,
                type: 'Microsoft.Network/networkSecurityGroups',
                location: n.location,
                etag: 'W/"00000000-0000-0000-0000-000000000000"',
                properties: {
                  provisioningState: 'Succeeded',
                  securityRules: n.rules.map((r) => ruleBody(n, r)),
                  defaultSecurityRules: [],
                },
              })),
          },
        }),
      },
      {
        method: 'GET',
        path: base,
        handler: (req) => {
          const nsg = find(req);
          return nsg
            ? { status: 200, body: { value: nsg.rules.map((r) => ruleBody(nsg, r)) } }
            : nsgNotFound(req.params.nsg as string);
        },
      },
      {
        method: 'GET',
        path: `${base}/{rule}`,
        handler: (req) => {
          const nsg = find(req);
          const rule = nsg?.rules.find((r) => r.name === req.params.rule);
          return nsg && rule ? { status: 200, body: ruleBody(nsg, rule) } : ruleNotFound(req);
        },
      },
      {
        method: 'PUT',
        path: `${base}/{rule}`,
        handler: (req) => {
          const nsg = find(req);
          if (!nsg) return nsgNotFound(req.params.nsg as string);
          const rule = ruleFrom(req.params.rule as string, req.json);
          if (!rule)
            return {
              status: 400,
              body: { error: { code: 'InvalidRequestFormat', message: 'Cannot parse the request.' } },
            };
          const accepted = lro.accept(req, req.params.sub as string, nsg.location, () => {
            nsg.rules = [...nsg.rules.filter((r) => r.name !== rule.name), rule];
          });
          const body = ruleBody(nsg, rule);
          return {
            status: 201,
            headers: accepted.headers ?? {},
            body: { ...body, properties: { ...body.properties, provisioningState: 'Updating' } },
          };
        },
      },
      {
        method: 'DELETE',
        path: `${base}/{rule}`,
        handler: (req) => {
          const nsg = find(req);
          if (!nsg?.rules.some((r) => r.name === req.params.rule)) return { status: 204 };
          return lro.accept(req, req.params.sub as string, nsg.location, () => {
            nsg.rules = nsg.rules.filter((r) => r.name !== req.params.rule);
          });
        },
      },
    ],
  };
}

export function addNsg(state: AzureNetworkState, nsg: FakeNsg): FakeNsg {
  state.nsgs.set(`${nsg.subscription}/${nsg.resourceGroup}/${nsg.name}`.toLowerCase(), nsg);
  return nsg;
}
