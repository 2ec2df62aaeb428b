// GCP optimisation facts: instances with their daily CPU from Cloud Monitoring, disks
// (unattached when no instance uses them) and snapshots with their source disk.

import { ConfigError } from '../../errors.js';
import type { Collector } from './collector.js';
import {
  gceDiskFact,
  gceDisks,
  gceInstances,
  gceSnapshotFact,
  gceSnapshots,
  lastSegment,
  resourcePath,
} from './gcp-inventory.js';
import { gcpDailyCpu } from './gcp-metrics.js';
import { rightsizeWindow } from './metric-window.js';
import type { InstanceFact } from './observations.js';

export const gcpOptimisation: Collector = {
  name: 'gcp.optimisation',
  cloud: 'gcp',
  section: 'optimisation',
  async collect(scope, ctx) {
    if (!ctx.gcp) throw new ConfigError('no GCP credentials configured');
    const [found, disks, snaps, cpu] = await Promise.all([
      gceInstances(ctx.gcp, scope.account),
      gceDisks(ctx.gcp, scope.account),
      gceSnapshots(ctx.gcp, scope.account),
      gcpDailyCpu(ctx.gcp, scope.account, rightsizeWindow(ctx), ctx.metricCalls),
    ]);
    const instances: InstanceFact[] = found.map((i) => {
      const environment = i.labels?.environment;
      const createdBy = i.labels?.['created-by'];
      return {
        id: resourcePath(i.selfLink) || (i.name ?? ''),
        name: i.name ?? '',
        region: lastSegment(i.zone),
        size: lastSegment(i.machineType),
        // GCE's RUNNING is the running state the analysis looks for.
        state: (i.status ?? 'unknown').toLowerCase(),
        cpu_daily: cpu.get(String(i.id ?? '')) ?? [],
        ...(environment ? { environment } : {}),
        ...(i.creationTimestamp ? { created_at: new Date(i.creationTimestamp).toISOString() } : {}),
        ...(createdBy ? { created_by: createdBy } : {}),
      };
    });
    const volumes = disks.map(gceDiskFact);
    return {
      section: 'optimisation',
      instances,
      volumes,
      snapshots: snaps.map(gceSnapshotFact),
      volume_ids: volumes.map((v) => v.id),
    };
  },
};
