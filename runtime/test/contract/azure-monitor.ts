// Azure Monitor metrics for a resource ("Metrics - List", api-version 2024-02-01):
// GET /{resourceUri}/providers/Microsoft.Insights/metrics?timespan=start/end&interval=P1D
// &metricnames=Percentage CPU&aggregation=Average. The answer is {cost, timespan,
// interval, namespace, resourceregion, value: [{id, type, name: {value, localizedValue},
// unit, timeseries: [{metadatavalues, data: [{timeStamp, average}]}], errorCode}]}.
// Only VM "Percentage CPU" at a one-day grain is served; one data point per whole day of
// the timespan, the VM's seeded percent, none for a VM without data.

import type { ContractResponse, Route } from './server.js';

export interface AzureMonitorState {
  /** VM resource id (lower-case) → its daily average Percentage CPU. */
  cpu: Map<string, number>;
  routes: Route[];
}

const DAY_MS = 86_400_000;

function badRequest(message: string): ContractResponse {
  return { status: 400, body: { code: 'BadRequest', message } };
}

export function azureMonitor(): AzureMonitorState {
  const cpu = new Map<string, number>();
  const vm = '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{vm}';
  return {
    cpu,
    routes: [
      {
        method: 'GET',
        path: `${vm}/providers/Microsoft.Insights/metrics`,
        handler: (req) => {
          const resource = req.path.replace(/\/providers\/Microsoft\.Insights\/metrics$/i, '');
          const [from, to] = (req.query.get('timespan') ?? '').split('/');
          const start = Date.parse(from ?? '');
          const end = Date.parse(to ?? '');
          if (Number.isNaN(start) || Number.isNaN(end)) return badRequest('Invalid timespan');
          if (req.query.get('metricnames') !== 'Percentage CPU')
            return badRequest(`Failed to find metric configuration for provider: Microsoft.Compute`);
          if (req.query.get('interval') !== 'P1D') return badRequest('Only the P1D grain is served here');
          const percent = cpu.get(resource.toLowerCase());
          const data: { timeStamp: string; average?: number }[] = [];
          for (let t = start; t + DAY_MS <= end; t += DAY_MS) {
            data.push({
              timeStamp: new Date(t).toISOString().replace('.000Z', 'Z'),
              ...(percent !== undefined ? { average: percent } : {}),
            });
          }
          return {
            status: 200,
            body: {
              cost: data.length,
              timespan: req.query.get('timespan'),
              interval: 'P1D',
              value: [
                {
                  id: `${resource}/providers/Microsoft.Insights/metrics/Percentage CPU`,
                  type: 'Microsoft.Insights/metrics',
                  name: { value: 'Percentage CPU', localizedValue: 'Percentage CPU' },
                  displayDescription:
                    'The percentage of allocated compute units that are currently in use by the Virtual Machine(s)',
                  unit: 'Percent',
                  timeseries: [{ metadatavalues: [], data }],
                  errorCode: 'Success',
                },
              ],
              namespace: 'Microsoft.Compute/virtualMachines',
              resourceregion: 'eastus',
            },
          };
        },
      },
    ],
  };
}

/** The 403 ARM answers when the caller lacks Microsoft.Insights/metrics/read. */
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
