// Daily average "Percentage CPU" of Azure VMs from Azure Monitor. The resource-scoped
// metrics API answers one resource per call, so this is one call per running VM, a few
// at a time; every call is counted.

import type { MonitorClient } from '@azure/arm-monitor';
import { mapLimited } from '../../jobs/limit.js';
import type { MetricWindow } from './metric-window.js';

const CONCURRENCY = 8;

/** Daily averages per VM id (as given), oldest first; days without data are left out. */
export async function azureDailyCpu(
  monitor: MonitorClient,
  vmIds: readonly string[],
  window: MetricWindow,
  calls: { count: number },
): Promise<Map<string, number[]>> {
  const series = await mapLimited([...vmIds], CONCURRENCY, async (id) => {
    calls.count++;
    const out = await monitor.metrics.list(id.replace(/^\//, ''), {
      timespan: `${window.start.toISOString()}/${window.end.toISOString()}`,
      interval: 'P1D',
      metricnames: 'Percentage CPU',
      aggregation: 'Average',
      metricnamespace: 'Microsoft.Compute/virtualMachines',
    });
    const points = (out.value[0]?.timeseries ?? [])
      .flatMap((t) => t.data ?? [])
      .filter((p) => p.average !== undefined && p.average !== null)
      .sort((a, b) => a.timeStamp.getTime() - b.timeStamp.getTime());
    return [id, points.map((p) => p.average as number)] as const;
  });
  return new Map(series);
}
