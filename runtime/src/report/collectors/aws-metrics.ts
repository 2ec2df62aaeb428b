// Daily average CPU of many EC2 instances from CloudWatch GetMetricData, up to 500
// queries a call (the API's limit), paging through NextToken.

import {
  type CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandOutput,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import type { MetricWindow } from './metric-window.js';

export const MAX_QUERIES_PER_CALL = 500;
const DAY_S = 86_400;

/** Daily averages per instance id, oldest first. */
export async function dailyCpu(
  cw: CloudWatchClient,
  instanceIds: readonly string[],
  window: MetricWindow,
  calls: { count: number },
): Promise<Map<string, number[]>> {
  const series = new Map<string, number[]>();
  for (let at = 0; at < instanceIds.length; at += MAX_QUERIES_PER_CALL) {
    const batch = instanceIds.slice(at, at + MAX_QUERIES_PER_CALL);
    const queries: MetricDataQuery[] = batch.map((id, i) => ({
      Id: `q${i}`,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/EC2',
          MetricName: 'CPUUtilization',
          Dimensions: [{ Name: 'InstanceId', Value: id }],
        },
        Period: DAY_S,
        Stat: 'Average',
      },
    }));
    const points = new Map<string, [number, number][]>();
    let token: string | undefined;
    do {
      calls.count++;
      const out: GetMetricDataCommandOutput = await cw.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: window.start,
          EndTime: window.end,
          ScanBy: 'TimestampAscending',
          ...(token ? { NextToken: token } : {}),
        }),
      );
      for (const result of out.MetricDataResults ?? []) {
        const id = batch[Number(result.Id?.slice(1))];
        if (id === undefined) continue;
        const list = points.get(id) ?? [];
        for (const [k, t] of (result.Timestamps ?? []).entries())
          list.push([t.getTime(), result.Values?.[k] ?? 0]);
        points.set(id, list);
      }
      token = out.NextToken;
    } while (token);
    for (const id of batch) {
      series.set(
        id,
        (points.get(id) ?? []).sort((a, b) => a[0] - b[0]).map(([, v]) => v),
      );
    }
  }
  return series;
}
