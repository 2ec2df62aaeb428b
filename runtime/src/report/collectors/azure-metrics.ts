// Daily average "Percentage CPU" of Azure VMs from Azure Monitor's batch metrics API
// ("Metrics Batch", metrics:getBatch on the regional data plane). One call answers up to 50
// resources of one subscription and region, so VMs are grouped by both and chunked: a
// 1,000-VM estate takes 20 calls instead of 1,000 resource-scoped ones. Every call is counted.

import type { MetricsClient } from '@azure/monitor-query-metrics';
import { chunk, mapLimited } from '../../jobs/limit.js';
import type { MetricWindow } from './metric-window.js';

/** The service refuses more resource ids than this in one request. */
export const MAX_BATCH_RESOURCES = 50;
const CONCURRENCY = 4;
const METRIC = 'Percentage CPU';
const NAMESPACE = 'Microsoft.Compute/virtualMachines';

export interface VmRef {
  id: string;
  /** The VM's location as ARM lists it, e.g. "eastus". */
  region: string;
}

/** Where a batch client for one subscription and region comes from (AzureClients.metrics). */
export interface MetricsSource {
  metrics(subscription: string, region: string): Promise<MetricsClient>;
}

export interface MetricsBatch {
  subscription: string;
  region: string;
  ids: string[];
}

/** The subscription segment of an ARM resource id ('' when the id has none). */
export function subscriptionOf(id: string): string {
  return /\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
}

/** VMs grouped by (subscription, region), each group cut into requests of at most 50 ids. */
export function metricsBatches(vms: readonly VmRef[]): MetricsBatch[] {
  const groups = new Map<string, MetricsBatch>();
  for (const vm of vms) {
    const subscription = subscriptionOf(vm.id);
    const region = vm.region.toLowerCase();
    // ARM ids and locations are case-insensitive; the first spelling met is the one sent.
    const key = `${subscription.toLowerCase()}/${region}`;
    let group = groups.get(key);
    if (!group) {
      group = { subscription, region, ids: [] };
      groups.set(key, group);
    }
    group.ids.push(vm.id);
  }
  return [...groups.values()].flatMap((g) =>
    chunk(g.ids, MAX_BATCH_RESOURCES).map((ids) => ({ subscription: g.subscription, region: g.region, ids })),
  );
}

/** Daily averages of one resource's answer, oldest first; days without data are left out. */
function dailyAverages(result: Awaited<ReturnType<MetricsClient['queryResources']>>[number]): number[] {
  return result.metrics
    .flatMap((m) => m.timeseries)
    .flatMap((t) => t.data ?? [])
    .filter((p) => p.average !== undefined && p.average !== null)
    .sort((a, b) => new Date(a.timeStamp).getTime() - new Date(b.timeStamp).getTime())
    .map((p) => p.average as number);
}

async function queryBatch(
  source: MetricsSource,
  batch: MetricsBatch,
  window: MetricWindow,
): Promise<[string, number[]][]> {
  const client = await source.metrics(batch.subscription, batch.region);
  const results = await client.queryResources(batch.ids, [METRIC], NAMESPACE, {
    startTime: window.start,
    endTime: window.end,
    interval: 'P1D',
    aggregation: 'average',
  });
  // The service may answer an id in other casing than it was asked in.
  const byId = new Map(results.map((r) => [(r.resourceId ?? '').toLowerCase(), r]));
  return batch.ids.map((id) => {
    const result = byId.get(id.toLowerCase());
    return [id, result ? dailyAverages(result) : []];
  });
}

/** Daily averages per VM id (as given), oldest first; days without data are left out. */
export async function azureDailyCpu(
  source: MetricsSource,
  vms: readonly VmRef[],
  window: MetricWindow,
  calls: { count: number },
): Promise<Map<string, number[]>> {
  const answers = await mapLimited(metricsBatches(vms), CONCURRENCY, (batch) => {
    calls.count++;
    return queryBatch(source, batch, window);
  });
  return new Map(answers.flat());
}
