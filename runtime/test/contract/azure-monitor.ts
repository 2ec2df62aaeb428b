// Azure Monitor "Metrics Batch" (data plane, api-version 2024-02-01):
// POST https://{region}.metrics.monitor.azure.com/subscriptions/{sub}/metrics:getBatch
//   ?metricnamespace=...&metricnames=...&starttime=...&endtime=...&interval=P1D&aggregation=average
// with body {"resourceids": [...]} — at most 50 resources of that subscription and region.
// The answer is {values: [{starttime, endtime, interval, namespace, resourceregion, resourceid,
// value: [{id, type, name: {value, localizedValue}, displayDescription, unit, timeseries:
// [{metadatavalues, data: [{timeStamp, average}]}], errorCode}]}]}; refusals are 400s with
// {error: {code, message}}.
//
// Loopback has no regional host names, so the region the client addressed is the first path
// segment here: tests set ESCHER_AZURE_METRICS_ENDPOINT to `<server>/{region}`. Only VM
// "Percentage CPU" at a one-day grain is served: one point per whole day of the window, the
// VM's seeded percent, no average for a VM without data.

import type { ContractRequest, ContractResponse, Route } from './server.js';

export const METRICS_API_VERSION = '2024-02-01';
const NAMESPACE = 'Microsoft.Compute/virtualMachines';
const METRIC = 'Percentage CPU';
const MAX_RESOURCES = 50;
const DAY_MS = 86_400_000;

export interface MonitoredVm {
  /** The VM's location, e.g. "eastus": the only regional endpoint that answers for it. */
  region: string;
  /** Daily average Percentage CPU; none: the VM reports no data. */
  percent?: number;
}

export interface AzureMonitorState {
  /** VM resource id (lower-case) → where it runs and its daily CPU. */
  vms: Map<string, MonitoredVm>;
  routes: Route[];
}

/** Seed one VM's metrics (its id as ARM lists it). */
export function monitorVm(state: AzureMonitorState, id: string, region: string, percent?: number): void {
  state.vms.set(id.toLowerCase(), {
    region: region.toLowerCase(),
    ...(percent !== undefined ? { percent } : {}),
  });
}

function badRequest(message: string): ContractResponse {
  return { status: 400, body: { error: { code: 'BadRequest', message } } };
}

const isoSeconds = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

interface BatchQuery {
  region: string;
  subscription: string;
  start: number;
  end: number;
  ids: string[];
}

/** Checks the request against the documented contract; a refusal, or the query it asks. */
function parseBatch(req: ContractRequest): BatchQuery | ContractResponse {
  const q = req.query;
  if (q.get('api-version') !== METRICS_API_VERSION)
    return badRequest(`The api-version '${q.get('api-version') ?? ''}' is not supported here`);
  if ((q.get('metricnamespace') ?? '').toLowerCase() !== NAMESPACE.toLowerCase())
    return badRequest(`Metric namespace '${q.get('metricnamespace') ?? ''}' is not served here`);
  const names = (q.get('metricnames') ?? '').split(',');
  const unknown = names.find((n) => n !== METRIC);
  if (unknown !== undefined)
    return badRequest(
      `Failed to find metric configuration for provider: Microsoft.Compute, resource Type: virtualMachines, metric: ${unknown}, Valid metrics: ${METRIC}`,
    );
  const start = Date.parse(q.get('starttime') ?? '');
  const end = Date.parse(q.get('endtime') ?? '');
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start)
    return badRequest(
      `Invalid time span: starttime '${q.get('starttime') ?? ''}' must be a date before endtime '${q.get('endtime') ?? ''}'`,
    );
  if (q.get('interval') !== 'P1D')
    return badRequest(`Invalid interval '${q.get('interval') ?? ''}': only P1D is served here`);
  if ((q.get('aggregation') ?? '').toLowerCase() !== 'average')
    return badRequest(`Only the average aggregation is served here, not '${q.get('aggregation') ?? ''}'`);
  const ids = (req.json as { resourceids?: unknown } | undefined)?.resourceids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string'))
    return badRequest('The request body must be {"resourceids": [...]} with at least one resource id');
  if (ids.length > MAX_RESOURCES)
    return badRequest(`The number of resource ids (${ids.length}) exceeds the limit of ${MAX_RESOURCES}`);
  return { region: req.params.region as string, subscription: req.params.sub as string, start, end, ids };
}

/** One resource's entry in `values`, or the reason it cannot be answered at this endpoint. */
function resourceValue(state: AzureMonitorState, query: BatchQuery, id: string): object | string {
  if (!id.toLowerCase().startsWith(`/subscriptions/${query.subscription.toLowerCase()}/`))
    return `Resource '${id}' is not in subscription '${query.subscription}'`;
  const vm = state.vms.get(id.toLowerCase());
  if (vm && vm.region !== query.region.toLowerCase())
    return `Resource '${id}' is in region '${vm.region}', not '${query.region}'`;
  const data: { timeStamp: string; average?: number }[] = [];
  for (let t = query.start; t + DAY_MS <= query.end; t += DAY_MS)
    data.push({ timeStamp: isoSeconds(t), ...(vm?.percent !== undefined ? { average: vm.percent } : {}) });
  return {
    starttime: isoSeconds(query.start),
    endtime: isoSeconds(query.end),
    interval: 'P1D',
    namespace: NAMESPACE,
    resourceregion: query.region,
    resourceid: id,
    value: [
      {
        id: `${id}/providers/Microsoft.Insights/metrics/${METRIC}`,
        type: 'Microsoft.Insights/metrics',
        name: { value: METRIC, localizedValue: METRIC },
        displayDescription:
          'The percentage of allocated compute units that are currently in use by the Virtual Machine(s)',
        unit: 'Percent',
        timeseries: [{ metadatavalues: [], data }],
        errorCode: 'Success',
      },
    ],
  };
}

export function azureMonitor(): AzureMonitorState {
  const state: AzureMonitorState = { vms: new Map(), routes: [] };
  state.routes.push({
    method: 'POST',
    path: '/{region}/subscriptions/{sub}/metrics:getBatch',
    handler: (req) => {
      const query = parseBatch(req);
      if ('status' in query) return query;
      const values = query.ids.map((id) => resourceValue(state, query, id));
      const refused = values.find((v): v is string => typeof v === 'string');
      if (refused !== undefined) return badRequest(refused);
      return { status: 200, body: { values } };
    },
  });
  return state;
}

/** The 403 the metrics endpoint answers when the caller lacks Microsoft.Insights/metrics/read. */
export function metricsDenied(subscription: string): ContractResponse {
  return {
    status: 403,
    body: {
      error: {
        code: 'AuthorizationFailed',
        message: `The client does not have authorization to perform action 'Microsoft.Insights/metrics/read' over scope '/subscriptions/${subscription}' or the scope is invalid.`,
      },
    },
  };
}
