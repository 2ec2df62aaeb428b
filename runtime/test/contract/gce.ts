// Compute Engine (compute/v1) instance routes: list, aggregatedList (paged with
// nextPageToken), get, stop, start, suspend, returning Operation resources, and
// zoneOperations get/wait. Shapes follow the Compute Engine REST reference
// ("instances.stop", "instances.aggregatedList", "zoneOperations.wait", "Operation").

import { computeOperations, notFound } from './gce-operations.js';
import type { ContractRequest, Route } from './server.js';

const ROOT = 'https://www.googleapis.com/compute/v1';
const PAGE_SIZE = 50;

/** GCE statuses; TERMINATED is what the console calls "stopped". */
export type GceStatus =
  | 'PROVISIONING'
  | 'STAGING'
  | 'RUNNING'
  | 'STOPPING'
  | 'STOPPED'
  | 'SUSPENDING'
  | 'SUSPENDED'
  | 'TERMINATED';

export interface FakeInstance {
  project: string;
  zone: string;
  name: string;
  id: string;
  machineType: string;
  labels: Record<string, string>;
  status: GceStatus;
  statusMessage?: string;
}

export interface GceState {
  instances: Map<string, FakeInstance>;
  routes: Route[];
  /** Actions POSTed, as "<action> <instance name>". */
  actions: string[];
  /** Polls answered RUNNING before DONE (default 2). */
  inProgressPolls: number;
  /**
   * Instances (by name) that fall back to TERMINATED with this status message after a
   * start succeeds, as one does whose disk's Cloud KMS key is disabled.
   */
  failToBoot: Map<string, string>;
}

const key = (project: string, zone: string, name: string) => `${project}/${zone}/${name}`;
const selfLink = (i: FakeInstance) => `${ROOT}/projects/${i.project}/zones/${i.zone}/instances/${i.name}`;

function instanceBody(i: FakeInstance) {
  return {
    kind: 'compute#instance',
    id: i.id,
    name: i.name,
    zone: `${ROOT}/projects/${i.project}/zones/${i.zone}`,
    machineType: `${ROOT}/projects/${i.project}/zones/${i.zone}/machineTypes/${i.machineType}`,
    status: i.status,
    ...(i.statusMessage ? { statusMessage: i.statusMessage } : {}),
    labels: i.labels,
    selfLink: selfLink(i),
  };
}

function paged<T>(req: ContractRequest, all: T[]): { page: T[]; next?: string } {
  const skip = Number(req.query.get('pageToken') ?? '0');
  const size = Math.min(Number(req.query.get('maxResults') ?? PAGE_SIZE), 500);
  return {
    page: all.slice(skip, skip + size),
    ...(skip + size < all.length ? { next: String(skip + size) } : {}),
  };
}

const TRANSITION: Record<string, [GceStatus, GceStatus]> = {
  stop: ['STOPPING', 'TERMINATED'],
  start: ['STAGING', 'RUNNING'],
  suspend: ['SUSPENDING', 'SUSPENDED'],
};

export function gce(options: { inProgressPolls?: number } = {}): GceState {
  const instances = new Map<string, FakeInstance>();
  const operations = computeOperations();
  const actions: string[] = [];
  const state: GceState = {
    instances,
    routes: [],
    actions,
    inProgressPolls: options.inProgressPolls ?? 2,
    failToBoot: new Map(),
  };

  state.routes = [
    {
      method: 'GET',
      path: '/compute/v1/projects/{project}/zones/{zone}/instances',
      handler: (req) => {
        const all = [...instances.values()].filter(
          (i) => i.project === req.params.project && i.zone === req.params.zone,
        );
        const { page, next } = paged(req, all);
        return {
          status: 200,
          body: {
            kind: 'compute#instanceList',
            items: page.map(instanceBody),
            ...(next ? { nextPageToken: next } : {}),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/compute/v1/projects/{project}/aggregated/instances',
      handler: (req) => {
        const all = [...instances.values()].filter((i) => i.project === req.params.project);
        const { page, next } = paged(req, all);
        const items: Record<string, { instances: unknown[] }> = {};
        for (const i of page) {
          const scope = items[`zones/${i.zone}`] ?? { instances: [] };
          scope.instances.push(instanceBody(i));
          items[`zones/${i.zone}`] = scope;
        }
        return {
          status: 200,
          body: { kind: 'compute#instanceAggregatedList', items, ...(next ? { nextPageToken: next } : {}) },
        };
      },
    },
    {
      method: 'GET',
      path: '/compute/v1/projects/{project}/zones/{zone}/instances/{instance}',
      handler: (req) => {
        const i = instances.get(
          key(req.params.project ?? '', req.params.zone ?? '', req.params.instance ?? ''),
        );
        return i
          ? { status: 200, body: instanceBody(i) }
          : notFound(
              `projects/${req.params.project}/zones/${req.params.zone}/instances/${req.params.instance}`,
            );
      },
    },
    {
      method: 'POST',
      path: '/compute/v1/projects/{project}/zones/{zone}/instances/{instance}/{action}',
      handler: (req) => {
        const { project = '', zone = '', instance = '', action = '' } = req.params;
        const i = instances.get(key(project, zone, instance));
        const transition = TRANSITION[action];
        if (!transition) return notFound(req.path);
        if (!i) return notFound(`projects/${project}/zones/${zone}/instances/${instance}`);
        actions.push(`${action} ${i.name}`);
        i.status = transition[0];
        const body = operations.start(
          {
            scope: `projects/${project}/zones/${zone}`,
            fields: {
              zone: `${ROOT}/projects/${project}/zones/${zone}`,
              operationType: action,
              targetLink: selfLink(i),
              targetId: i.id,
              user: 'escher-runner@example.iam.gserviceaccount.com',
              startTime: new Date().toISOString(),
            },
            inProgressPolls: state.inProgressPolls,
            apply: () => {
              i.status = transition[1];
              const bootError = state.failToBoot.get(i.name);
              if (action === 'start' && bootError) {
                i.status = 'TERMINATED';
                i.statusMessage = bootError;
              }
            },
          },
          ROOT,
        );
        return { status: 200, body };
      },
    },
    // wait returns when the operation is DONE or after a while (documented: up to 2 minutes); here, after one step.
    ...operations.routes('projects/{project}/zones/{zone}', (p) => `projects/${p.project}/zones/${p.zone}`),
  ];
  return state;
}

export function addInstance(state: GceState, instance: FakeInstance): FakeInstance {
  state.instances.set(key(instance.project, instance.zone, instance.name), instance);
  return instance;
}
