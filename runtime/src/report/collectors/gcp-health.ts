// GCP operational health facts: snapshots that ended FAILED, and instances TERMINATED
// with a status message, which Compute Engine sets when it, not a user, stopped one
// (a host error, a disabled disk key). A plain user stop leaves no message.

import { ConfigError } from '../../errors.js';
import type { Collector } from './collector.js';
import { gceInstances, gceSnapshots, lastSegment, resourcePath } from './gcp-inventory.js';
import type { HealthFact } from './observations.js';

export const gcpHealth: Collector = {
  name: 'gcp.health',
  cloud: 'gcp',
  section: 'health',
  async collect(scope, ctx) {
    if (!ctx.gcp) throw new ConfigError('no GCP credentials configured');
    const [instances, snaps] = await Promise.all([
      gceInstances(ctx.gcp, scope.account),
      gceSnapshots(ctx.gcp, scope.account),
    ]);
    const facts: HealthFact[] = [];
    for (const s of snaps.filter((x) => x.status === 'FAILED')) {
      facts.push({
        kind: 'failed_backup',
        resource_id: resourcePath(s.selfLink) || (s.name ?? ''),
        name: s.name ?? '',
        region: s.storageLocations?.[0] ?? 'global',
        detail: `snapshot of ${lastSegment(s.sourceDisk) || 'a disk'} failed`,
      });
    }
    for (const i of instances.filter((x) => x.status === 'TERMINATED' && x.statusMessage)) {
      facts.push({
        kind: 'stopped_service',
        resource_id: resourcePath(i.selfLink) || (i.name ?? ''),
        name: i.name ?? '',
        region: lastSegment(i.zone),
        detail: `stopped: ${i.statusMessage}`,
      });
    }
    return { section: 'health', facts };
  },
};
