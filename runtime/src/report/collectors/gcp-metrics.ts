// Daily mean CPU of every Compute Engine instance in a project from Cloud Monitoring:
// one timeSeries.list per project whose filter covers all instances, aligned to daily
// means, paged by nextPageToken. Each page is one counted call.

import type { GcpClients } from '../../clouds/gcp/clients.js';
import { withRetry } from '../../clouds/retry.js';
import type { MetricWindow } from './metric-window.js';

const DAY_S = 86_400;
export const CPU_FILTER =
  'metric.type = "compute.googleapis.com/instance/cpu/utilization" AND resource.type = "gce_instance"';

/** Protobuf Timestamp seconds arrive as a number, a string or a Long; all convert with Number(). */
const seconds = (t: { seconds?: unknown } | null | undefined) => Number(t?.seconds ?? 0);

/** Daily means per instance id (percent, oldest first). */
export async function gcpDailyCpu(
  gcp: GcpClients,
  project: string,
  window: MetricWindow,
  calls: { count: number },
): Promise<Map<string, number[]>> {
  const client = gcp.metrics();
  const series = new Map<string, [number, number][]>();
  let pageToken: string | undefined;
  do {
    const request = {
      name: `projects/${project}`,
      filter: CPU_FILTER,
      interval: {
        startTime: { seconds: Math.floor(window.start.getTime() / 1000) },
        endTime: { seconds: Math.floor(window.end.getTime() / 1000) },
      },
      aggregation: { alignmentPeriod: { seconds: DAY_S }, perSeriesAligner: 'ALIGN_MEAN' as const },
      view: 'FULL' as const,
      pageSize: 1000,
      ...(pageToken ? { pageToken } : {}),
    };
    const [page, , raw] = await withRetry(() => {
      calls.count++;
      return client.listTimeSeries(request, { autoPaginate: false });
    }, gcp.retry);
    for (const ts of page) {
      const id = ts.resource?.labels?.instance_id;
      if (!id) continue;
      const list = series.get(id) ?? [];
      // Utilization is a fraction (0.0–1.0); points come newest first, so they are sorted below.
      for (const p of ts.points ?? [])
        list.push([seconds(p.interval?.endTime), (p.value?.doubleValue ?? 0) * 100]);
      series.set(id, list);
    }
    pageToken = raw?.nextPageToken || undefined;
  } while (pageToken);
  return new Map(
    [...series].map(([id, points]) => [id, points.sort((a, b) => a[0] - b[0]).map(([, v]) => v)]),
  );
}
