// Compute Engine VPC firewall routes ("firewalls.list", "firewalls.get", "firewalls.patch") and the global
// operations a patch returns ("globalOperations.get / wait"): the patch answers a RUNNING
// operation, and the change lands when the operation reports DONE. JSON merge semantics:
// the fields given replace the rule's.

import { computeOperations, notFound, COMPUTE_ROOT as ROOT } from './gce-operations.js';
import type { ContractRequest, Route } from './server.js';

export interface FakeFirewall {
  project: string;
  name: string;
  network: string;
  priority: number;
  direction: 'INGRESS' | 'EGRESS';
  sourceRanges: string[];
  allowed: { IPProtocol: string; ports?: string[] }[];
  disabled: boolean;
}

export interface GceFirewallState {
  firewalls: Map<string, FakeFirewall>;
  routes: Route[];
  patches: Record<string, unknown>[];
}

function firewallBody(f: FakeFirewall) {
  return {
    kind: 'compute#firewall',
    id: String(Buffer.from(f.name).readUIntBE(0, Math.min(6, f.name.length))),
    name: f.name,
    network: `${ROOT}/projects/${f.project}/global/networks/${f.network}`,
    priority: f.priority,
    direction: f.direction,
    sourceRanges: f.sourceRanges,
    allowed: f.allowed,
    disabled: f.disabled,
    logConfig: { enable: false },
    selfLink: `${ROOT}/projects/${f.project}/global/firewalls/${f.name}`,
  };
}

export function gceFirewall(options: { inProgressPolls?: number } = {}): GceFirewallState {
  const firewalls = new Map<string, FakeFirewall>();
  const operations = computeOperations();
  const patches: Record<string, unknown>[] = [];
  const find = (req: ContractRequest) => firewalls.get(`${req.params.project}/${req.params.firewall}`);
  return {
    firewalls,
    patches,
    routes: [
      {
        method: 'GET',
        path: '/compute/v1/projects/{project}/global/firewalls',
        handler: (req) => ({
          status: 200,
          body: {
            kind: 'compute#firewallList',
            id: `projects/${req.params.project}/global/firewalls`,
            items: [...firewalls.values()].filter((f) => f.project === req.params.project).map(firewallBody),
            selfLink: `${ROOT}/projects/${req.params.project}/global/firewalls`,
          },
        }),
      },
      {
        method: 'GET',
        path: '/compute/v1/projects/{project}/global/firewalls/{firewall}',
        handler: (req) => {
          const f = find(req);
          return f
            ? { status: 200, body: firewallBody(f) }
            : notFound(`projects/${req.params.project}/global/firewalls/${req.params.firewall}`);
        },
      },
      {
        method: 'PATCH',
        path: '/compute/v1/projects/{project}/global/firewalls/{firewall}',
        handler: (req) => {
          const f = find(req);
          if (!f) return notFound(`projects/${req.params.project}/global/firewalls/${req.params.firewall}`);
          const patch = (req.json ?? {}) as Partial<FakeFirewall>;
          patches.push(patch as Record<string, unknown>);
          const body = operations.start({
            scope: `projects/${f.project}/global`,
            fields: {
              operationType: 'patch',
              targetLink: `${ROOT}/projects/${f.project}/global/firewalls/${f.name}`,
            },
            inProgressPolls: options.inProgressPolls ?? 1,
            apply: () => {
              if (patch.sourceRanges) f.sourceRanges = patch.sourceRanges;
              if (patch.disabled !== undefined) f.disabled = patch.disabled;
              if (patch.allowed) f.allowed = patch.allowed;
            },
          });
          return { status: 200, body };
        },
      },
      ...operations.routes('projects/{project}/global', (p) => `projects/${p.project}/global`),
    ],
  };
}

export function addFirewall(state: GceFirewallState, f: FakeFirewall): FakeFirewall {
  state.firewalls.set(`${f.project}/${f.name}`, f);
  return f;
}
