// Cloud Monitoring API v3 "projects.timeSeries.list" over REST, as the client library's
// fallback transport calls it: GET /v3/projects/{project}/timeSeries with filter,
// interval.startTime/endTime (RFC 3339), aggregation.alignmentPeriod ("86400s") and
// aggregation.perSeriesAligner, view, pageSize and pageToken. The answer is
// {timeSeries: [{metric, resource, metricKind, valueType, points, unit}], nextPageToken?};
// points come newest first. Serves compute.googleapis.com/instance/cpu/utilization (a
// fraction, 0–1) aligned to daily means: one point per whole day, the seeded value.
// Enums travel as names, or as numbers when the client asks `$alt=json;enum-encoding=int`
// (the library's REST transport does: ALIGN_MEAN is 12, GAUGE 1, DOUBLE 3).
// Errors: {error: {code, message, status}}, e.g. 429 RESOURCE_EXHAUSTED.

import type { ContractResponse, Route } from './server.js';

export interface MonitoredInstance {
  project: string;
  zone: string;
  name: string;
  /** The numeric instance id (resource label instance_id). */
  id: string;
  /** Daily mean utilization, 0–1. */
  utilization: number;
}

export interface CloudMonitoringState {
  instances: MonitoredInstance[];
  routes: Route[];
}

const CPU = 'compute.googleapis.com/instance/cpu/utilization';

const invalid = (message: string): ContractResponse => ({
  status: 400,
  body: { error: { code: 400, message, status: 'INVALID_ARGUMENT' } },
});

export const quotaExceeded = (project: string): ContractResponse => ({
  status: 429,
  body: {
    error: {
      code: 429,
      message: `Quota exceeded for quota metric 'Time series queries' and limit 'Time series queries per minute' of service 'monitoring.googleapis.com' for consumer 'project_number:${project}'.`,
      status: 'RESOURCE_EXHAUSTED',
    },
  },
});

export function cloudMonitoring(): CloudMonitoringState {
  const state: CloudMonitoringState = { instances: [], routes: [] };
  state.routes = [
    {
      method: 'GET',
      path: '/v3/projects/{project}/timeSeries',
      handler: (req) => {
        const filter = req.query.get('filter') ?? '';
        if (!filter) return invalid('Field filter had an invalid value: a filter is required');
        const start = Date.parse(req.query.get('interval.startTime') ?? '');
        const end = Date.parse(req.query.get('interval.endTime') ?? '');
        if (Number.isNaN(end)) return invalid('Field interval.endTime had an invalid value');
        const period = Number((req.query.get('aggregation.alignmentPeriod') ?? '').replace(/s$/, ''));
        const aligner = req.query.get('aggregation.perSeriesAligner');
        if (period !== 86_400 || (aligner !== 'ALIGN_MEAN' && aligner !== '12'))
          return invalid('Only daily ALIGN_MEAN alignment is served here');
        const ints = (req.query.get('$alt') ?? '').includes('enum-encoding=int');
        const matching = filter.includes(`metric.type = "${CPU}"`)
          ? state.instances.filter((i) => i.project === req.params.project)
          : [];
        const skip = Number(req.query.get('pageToken') || '0');
        const size = Number(req.query.get('pageSize') || '100000');
        const page = matching.slice(skip, skip + size);
        const days: number[] = [];
        for (let t = end; t - 86_400_000 >= start; t -= 86_400_000) days.push(t);
        return {
          status: 200,
          body: {
            timeSeries: page.map((i) => ({
              metric: { type: CPU, labels: { instance_name: i.name } },
              resource: {
                type: 'gce_instance',
                labels: { project_id: i.project, instance_id: i.id, zone: i.zone },
              },
              metricKind: ints ? 1 : 'GAUGE',
              valueType: ints ? 3 : 'DOUBLE',
              points: days.map((t) => ({
                interval: {
                  startTime: new Date(t).toISOString(),
                  endTime: new Date(t).toISOString(),
                },
                value: { doubleValue: i.utilization },
              })),
              unit: '10^2.%',
            })),
            ...(skip + size < matching.length ? { nextPageToken: String(skip + size) } : {}),
            unit: '10^2.%',
          },
        };
      },
    },
  ];
  return state;
}
