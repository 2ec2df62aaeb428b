// Compute Engine (compute/v1) persistent disk and snapshot routes: "disks.aggregatedList"
// (items keyed by "zones/<zone>", each with disks or a NO_RESULTS_ON_PAGE warning, paged
// with nextPageToken) and "snapshots.list". A disk's `users` lists the instances it is
// attached to; a snapshot keeps `sourceDisk` and `sourceDiskId` after its disk is deleted.

import type { ContractRequest, Route } from './server.js';

const ROOT = 'https://www.googleapis.com/compute/v1';
const PAGE_SIZE = 50;

export interface FakeDisk {
  project: string;
  zone: string;
  name: string;
  id: string;
  sizeGb: number;
  type: 'pd-standard' | 'pd-balanced' | 'pd-ssd';
  /** Instance names it is attached to. */
  users: string[];
  labels: Record<string, string>;
}

export interface FakeSnapshot {
  project: string;
  name: string;
  id: string;
  /** The disk it was taken from, which may no longer exist. */
  sourceZone: string;
  sourceDisk: string;
  diskSizeGb: number;
  creationTimestamp: string;
  status: 'READY' | 'FAILED' | 'CREATING';
}

export interface GceDisksState {
  disks: FakeDisk[];
  snapshots: FakeSnapshot[];
  routes: Route[];
}

const diskLink = (project: string, zone: string, name: string) =>
  `${ROOT}/projects/${project}/zones/${zone}/disks/${name}`;

function diskBody(d: FakeDisk) {
  return {
    kind: 'compute#disk',
    id: d.id,
    creationTimestamp: '2026-01-05T02:00:00.000-08:00',
    name: d.name,
    sizeGb: String(d.sizeGb),
    zone: `${ROOT}/projects/${d.project}/zones/${d.zone}`,
    status: 'READY',
    selfLink: diskLink(d.project, d.zone, d.name),
    type: `${ROOT}/projects/${d.project}/zones/${d.zone}/diskTypes/${d.type}`,
    ...(d.users.length
      ? { users: d.users.map((u) => `${ROOT}/projects/${d.project}/zones/${d.zone}/instances/${u}`) }
      : {}),
    labels: d.labels,
    physicalBlockSizeBytes: '4096',
  };
}

function snapshotBody(s: FakeSnapshot) {
  return {
    kind: 'compute#snapshot',
    id: s.id,
    creationTimestamp: s.creationTimestamp,
    name: s.name,
    status: s.status,
    sourceDisk: diskLink(s.project, s.sourceZone, s.sourceDisk),
    sourceDiskId: String(7_000_000_000 + s.diskSizeGb),
    diskSizeGb: String(s.diskSizeGb),
    storageBytes: String(s.diskSizeGb * 1024 ** 3),
    storageLocations: ['us'],
    snapshotType: 'STANDARD',
    selfLink: `${ROOT}/projects/${s.project}/global/snapshots/${s.name}`,
  };
}

function page<T>(req: ContractRequest, all: T[]): { items: T[]; next?: string } {
  const skip = Number(req.query.get('pageToken') ?? '0');
  const size = Math.min(Number(req.query.get('maxResults') ?? PAGE_SIZE), 500);
  return {
    items: all.slice(skip, skip + size),
    ...(skip + size < all.length ? { next: String(skip + size) } : {}),
  };
}

export function gceDisks(): GceDisksState {
  const state: GceDisksState = { disks: [], snapshots: [], routes: [] };
  state.routes = [
    {
      method: 'GET',
      path: '/compute/v1/projects/{project}/aggregated/disks',
      handler: (req) => {
        const { items, next } = page(
          req,
          state.disks.filter((d) => d.project === req.params.project),
        );
        const scoped: Record<string, unknown> = {};
        for (const d of items) {
          const scope = (scoped[`zones/${d.zone}`] ?? { disks: [] }) as { disks: unknown[] };
          scope.disks.push(diskBody(d));
          scoped[`zones/${d.zone}`] = scope;
        }
        if (items.length === 0) {
          scoped['zones/us-central1-a'] = {
            warning: {
              code: 'NO_RESULTS_ON_PAGE',
              message: "There are no results for scope 'zones/us-central1-a' on this page.",
              data: [{ key: 'scope', value: 'zones/us-central1-a' }],
            },
          };
        }
        return {
          status: 200,
          body: {
            kind: 'compute#diskAggregatedList',
            id: `projects/${req.params.project}/aggregated/disks`,
            items: scoped,
            selfLink: `${ROOT}/projects/${req.params.project}/aggregated/disks`,
            ...(next ? { nextPageToken: next } : {}),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/compute/v1/projects/{project}/global/snapshots',
      handler: (req) => {
        const { items, next } = page(
          req,
          state.snapshots.filter((s) => s.project === req.params.project),
        );
        return {
          status: 200,
          body: {
            kind: 'compute#snapshotList',
            id: `projects/${req.params.project}/global/snapshots`,
            items: items.map(snapshotBody),
            selfLink: `${ROOT}/projects/${req.params.project}/global/snapshots`,
            ...(next ? { nextPageToken: next } : {}),
          },
        };
      },
    },
  ];
  return state;
}
