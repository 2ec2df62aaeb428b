// Compute Engine inventory shared by the GCP security, optimisation and health
// collectors: instances and disks from one aggregated list each per project, and the
// project's snapshots. Each listing retries throttling and 5xx a bounded number of times.

import type { protos } from '@google-cloud/compute';
import type { GcpClients } from '../../clouds/gcp/clients.js';
import { withRetry } from '../../clouds/retry.js';
import type { SnapshotFact, VolumeFact } from './observations.js';

type Instance = protos.google.cloud.compute.v1.IInstance;
type Disk = protos.google.cloud.compute.v1.IDisk;
type Snapshot = protos.google.cloud.compute.v1.ISnapshot;

/** The last path segment of a Compute Engine URL (zone, machine type, disk type). */
export const lastSegment = (url: string | null | undefined): string => (url ?? '').split('/').pop() ?? '';

/** "projects/p/zones/z/disks/d" from a full self link, so ids compare whatever the host. */
export const resourcePath = (url: string | null | undefined): string =>
  /projects\/.*$/.exec(url ?? '')?.[0] ?? '';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of pages) all.push(item);
  return all;
}

export async function gceInstances(gcp: GcpClients, project: string): Promise<Instance[]> {
  const scopes = await withRetry(
    () => collect(gcp.instances().aggregatedListAsync({ project, maxResults: 500 }, { autoPaginate: false })),
    gcp.retry,
  );
  return scopes.flatMap(([, list]) => list.instances ?? []);
}

export async function gceDisks(gcp: GcpClients, project: string): Promise<Disk[]> {
  const scopes = await withRetry(
    () => collect(gcp.disks().aggregatedListAsync({ project, maxResults: 500 }, { autoPaginate: false })),
    gcp.retry,
  );
  return scopes.flatMap(([, list]) => list.disks ?? []);
}

export const gceSnapshots = (gcp: GcpClients, project: string): Promise<Snapshot[]> =>
  withRetry(
    () => collect(gcp.snapshots().listAsync({ project, maxResults: 500 }, { autoPaginate: false })),
    gcp.retry,
  );

/**
 * Persistent disks as volume facts. Compute Engine encrypts every disk at rest (Google-
 * managed keys unless a customer key is set), so none is unencrypted; a disk without a
 * customer-managed key is a policy choice, not an exposure, and is not reported.
 */
export function gceDiskFact(d: Disk): VolumeFact {
  const environment = d.labels?.environment;
  return {
    id: resourcePath(d.selfLink),
    name: d.name ?? '',
    region: lastSegment(d.zone),
    size_gb: Number(d.sizeGb ?? 0),
    encrypted: true,
    attached: (d.users ?? []).length > 0,
    volume_type: lastSegment(d.type),
    ...(environment ? { environment } : {}),
  };
}

export function gceSnapshotFact(s: Snapshot): SnapshotFact {
  const source = resourcePath(s.sourceDisk);
  return {
    id: resourcePath(s.selfLink) || (s.name ?? ''),
    region: s.storageLocations?.[0] ?? 'global',
    size_gb: Number(s.diskSizeGb ?? 0),
    created_at: s.creationTimestamp ? new Date(s.creationTimestamp).toISOString() : new Date(0).toISOString(),
    ...(source ? { source_volume: source } : {}),
  };
}

export type { Instance as GceInstance };
