// Azure VM CPU for the morning report through Azure Monitor's batch metrics API: the
// optimisation collector groups running VMs by the region ARM lists them in and asks for at
// most 50 per metrics:getBatch, so 120 VMs over two regions take four calls. The contract
// server refuses what the service refuses (too many ids, a bad window, an unknown metric, a
// VM of another region), and the SDK hands those refusals back as errors.

import { ReportSettingsSchema } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AzureClients } from '../../src/clouds/azure/clients.js';
import { azureOptimisation } from '../../src/report/collectors/azure-optimisation.js';
import type { InstanceFact } from '../../src/report/collectors/observations.js';
import { addVm, azureCompute, vmId } from '../contract/azure-compute.js';
import { azureMonitor, monitorVm } from '../contract/azure-monitor.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { runtimeEnvWith } from '../support/emulators.js';
import { testCredential } from './support/azure-estate.js';

const SUB = '5e1f0c2a-0000-4000-8000-0000000b47c4';
const NOW = new Date('2026-03-15T02:00:00Z');
const DAYS = 30;
const REGIONS = ['eastus', 'westeurope'] as const;
const VMS = 120;
const METRIC_OPTIONS = {
  startTime: new Date('2026-03-13T00:00:00Z'),
  endTime: new Date('2026-03-15T00:00:00Z'),
  interval: 'P1D',
  aggregation: 'average',
};

/** VM i: region alternating in the listing, CPU (i % 40) + 0.25 %, every 25th without data. */
const regionOf = (i: number) => REGIONS[i % 2] as string;
const percentOf = (i: number) => (i % 25 === 7 ? undefined : (i % 40) + 0.25);
const nameOf = (i: number) => `vm-${String(i).padStart(3, '0')}`;

let server: ContractServer;
let clients: AzureClients;
const ids: string[] = [];

beforeAll(async () => {
  const compute = azureCompute();
  const monitor = azureMonitor();
  server = await startContractServer({ routes: [...compute.routes, ...monitor.routes], tls: true });
  for (let i = 0; i < VMS; i++) {
    const vm = addVm(compute, {
      subscription: SUB,
      resourceGroup: 'rg-fleet',
      name: nameOf(i),
      location: regionOf(i),
      size: 'Standard_D2s_v5',
      tags: {},
      power: 'running',
    });
    monitorVm(monitor, vmId(vm), regionOf(i), percentOf(i));
    ids.push(vmId(vm));
  }
  // Not running: never asked about.
  addVm(compute, {
    subscription: SUB,
    resourceGroup: 'rg-fleet',
    name: 'vm-parked',
    location: 'eastus',
    size: 'Standard_D2s_v5',
    tags: {},
    power: 'deallocated',
  });
  clients = new AzureClients(
    runtimeEnvWith({
      ESCHER_AZURE_ARM_ENDPOINT: server.url,
      ESCHER_AZURE_METRICS_ENDPOINT: `${server.url}/{region}`,
    }),
    { credential: testCredential, ca: server.ca as string, retryDelayInMs: 5 },
  );
});
afterAll(() => server?.close());

const batchRequests = () => server.requests.filter((r) => r.path.endsWith('/metrics:getBatch'));

describe('Azure VM CPU for the morning report', () => {
  it('reads 120 VMs in two regions with four batch calls and keeps every VM its own days', async () => {
    const before = batchRequests().length;
    const ctx = {
      azure: clients,
      now: NOW,
      thresholds: ReportSettingsSchema.parse({}).thresholds,
      metricCalls: { count: 0 },
    };
    const obs = await azureOptimisation.collect({ cloud: 'azure', account: SUB, region: 'eastus' }, ctx);

    expect(ctx.metricCalls.count).toBe(4);
    const sent = batchRequests()
      .slice(before)
      .map((r) => ({
        path: r.path,
        ids: (r.json as { resourceids: string[] }).resourceids,
        query: Object.fromEntries(r.query),
      }));
    expect(sent.map((b) => [b.path, b.ids.length]).sort()).toEqual([
      [`/eastus/subscriptions/${SUB}/metrics:getBatch`, 10],
      [`/eastus/subscriptions/${SUB}/metrics:getBatch`, 50],
      [`/westeurope/subscriptions/${SUB}/metrics:getBatch`, 10],
      [`/westeurope/subscriptions/${SUB}/metrics:getBatch`, 50],
    ]);
    // Each VM asked for exactly once, at its own region's endpoint.
    const asked = sent.flatMap((b) => b.ids.map((id) => [id, b.path.split('/')[1]]));
    expect(asked.map(([id]) => id).sort()).toEqual([...ids].sort());
    for (const [id, region] of asked) expect(region).toBe(regionOf(ids.indexOf(id as string)));
    expect(sent[0]?.query).toEqual({
      'api-version': '2024-02-01',
      starttime: '2026-02-13T00:00:00.000Z',
      endtime: '2026-03-15T00:00:00.000Z',
      interval: 'P1D',
      metricnamespace: 'Microsoft.Compute/virtualMachines',
      metricnames: 'Percentage CPU',
      aggregation: 'average',
    });

    const instances = (obs as { instances: InstanceFact[] }).instances;
    const cpu = new Map(instances.map((v) => [v.name, v.cpu_daily]));
    expect(cpu.get('vm-000')).toEqual(Array(DAYS).fill(0.25));
    expect(cpu.get('vm-007')).toEqual([]);
    expect(cpu.get('vm-059')).toEqual(Array(DAYS).fill(19.25));
    expect(cpu.get('vm-119')).toEqual(Array(DAYS).fill(39.25));
    expect(cpu.get('vm-parked')).toEqual([]);
    for (let i = 0; i < VMS; i++) {
      const percent = percentOf(i);
      expect(cpu.get(nameOf(i))).toEqual(percent === undefined ? [] : Array(DAYS).fill(percent));
    }
  });

  it('refuses 51 resource ids in one call', async () => {
    const client = await clients.metrics(SUB, 'eastus');
    const eastus = ids.filter((_, i) => regionOf(i) === 'eastus').slice(0, 50);
    const fiftyOne = [...eastus, ids[2] as string];
    await expect(
      client.queryResources(
        fiftyOne,
        ['Percentage CPU'],
        'Microsoft.Compute/virtualMachines',
        METRIC_OPTIONS,
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('The number of resource ids (51) exceeds the limit of 50'),
    });
  });

  it('refuses a window that ends before it starts and a grain other than one day', async () => {
    const client = await clients.metrics(SUB, 'eastus');
    const cpuOf = (options: typeof METRIC_OPTIONS) =>
      client.queryResources(
        [ids[0] as string],
        ['Percentage CPU'],
        'Microsoft.Compute/virtualMachines',
        options,
      );
    await expect(
      cpuOf({ ...METRIC_OPTIONS, endTime: new Date('2026-03-12T00:00:00Z') }),
    ).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining('Invalid time span') });
    await expect(cpuOf({ ...METRIC_OPTIONS, interval: 'PT1H' })).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("Invalid interval 'PT1H'"),
    });
  });

  it('refuses an unknown metric and a VM asked for at another region', async () => {
    const client = await clients.metrics(SUB, 'eastus');
    await expect(
      client.queryResources(
        [ids[0] as string],
        ['Percentage Memory'],
        'Microsoft.Compute/virtualMachines',
        METRIC_OPTIONS,
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('Failed to find metric configuration'),
    });
    await expect(
      client.queryResources(
        [ids[1] as string],
        ['Percentage CPU'],
        'Microsoft.Compute/virtualMachines',
        METRIC_OPTIONS,
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("is in region 'westeurope', not 'eastus'"),
    });
  });

  it('answers two whole days of data for a two-day window', async () => {
    const client = await clients.metrics(SUB, 'westeurope');
    const [result] = await client.queryResources(
      [ids[1] as string],
      ['Percentage CPU'],
      'Microsoft.Compute/virtualMachines',
      METRIC_OPTIONS,
    );
    expect(result?.resourceId).toBe(ids[1]);
    expect(result?.resourceRegion).toBe('westeurope');
    expect(result?.getMetricByName('Percentage CPU')?.timeseries[0]?.data).toEqual([
      { timeStamp: new Date('2026-03-13T00:00:00Z'), average: 1.25 },
      { timeStamp: new Date('2026-03-14T00:00:00Z'), average: 1.25 },
    ]);
  });
});
