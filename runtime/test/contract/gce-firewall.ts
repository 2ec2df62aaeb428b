// Compute Engine VPC firewall routes ("firewalls.list", "firewalls.get", "firewalls.patch") and the global
// operations a patch returns ("globalOperations.get / wait"): the patch answers a RUNNING
// operation, and the change lands when the operation reports DONE. JSON merge semantics:
// the fields given replace the rule's.

import type { ContractRequest, ContractResponse, Route } from './server.js';

const ROOT = 'https://compute.googleapis.com/compute/v1';

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

interface Op {
  body: Record<string, unknown>;
  left: number;
  apply: () => void;
}

export interface GceFirewallState {
  firewalls: Map<string, FakeFirewall>;
  routes: Route[];
  patches: Record<string, unknown>[];
}

const notFound = (what: string): ContractResponse => ({
  status: 404,
  body: {
    error: {
      code: 404,
      message: `The resource '${what}' was not found`,
      errors: [{ reason: 'notFound', message: `The resource '${what}' was not found` }],
    },
  },
});

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
  const operations = new Map<string, Op>();
  const patches: Record<string, unknown>[] = [];
  let counter = 0;
  const find = (req: ContractRequest) => firewalls.get(`${req.params.project}/${req.params.firewall}`);
  const advance = (op: Op) => {
    if (op.body.status === 'DONE') return;
    if (op.left-- > 0) {
      op.body.status = 'RUNNING';
      return;
    }
    op.apply();
    Object.assign(op.body, { status: 'DONE', progress: 100, endTime: new Date().toISOString() });
  };
  const opRoute = (suffix: string): Route => ({
    method: suffix ? 'POST' : 'GET',
    path: `/compute/v1/projects/{project}/global/operations/{operation}${suffix}`,
    handler: (req) => {
      const op = operations.get(`${req.params.project}/${req.params.operation}`);
      if (!op) return notFound(req.path);
      advance(op);
      return { status: 200, body: op.body };
    },
  });
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
          const name = `operation-${Date.now()}-${++counter}`;
          const body: Record<string, unknown> = {
            kind: 'compute#operation',
            id: String(2_000_000 + counter),
            name,
            operationType: 'patch',
            targetLink: `${ROOT}/projects/${f.project}/global/firewalls/${f.name}`,
            status: 'PENDING',
            progress: 0,
            insertTime: new Date().toISOString(),
            selfLink: `${ROOT}/projects/${f.project}/global/operations/${name}`,
          };
          operations.set(`${f.project}/${name}`, {
            body,
            left: options.inProgressPolls ?? 1,
            apply: () => {
              if (patch.sourceRanges) f.sourceRanges = patch.sourceRanges;
              if (patch.disabled !== undefined) f.disabled = patch.disabled;
              if (patch.allowed) f.allowed = patch.allowed;
            },
          });
          return { status: 200, body };
        },
      },
      opRoute(''),
      opRoute('/wait'),
    ],
  };
}

export function addFirewall(state: GceFirewallState, f: FakeFirewall): FakeFirewall {
  state.firewalls.set(`${f.project}/${f.name}`, f);
  return f;
}
