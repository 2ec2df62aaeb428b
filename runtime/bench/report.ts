// `make bench` → report: the morning report over a 10,000-resource estate in three clouds,
// with the network taken out: CloudWatch, Azure Monitor and Cloud Monitoring answer from
// memory, so the time is the runner's own work (batching, analysis, Markdown/HTML/CSV) and
// the counts are the metric API calls each cloud's batching makes. Target: ≤ 10 s.

import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { MetricsClient } from '@azure/monitor-query-metrics';
import { ReportSettingsSchema } from '@escher/shared';
import type { GcpClients } from '../dist/clouds/gcp/clients.js';
import { buildReport } from '../dist/report/analyse/build-report.js';
import { dailyCpu } from '../dist/report/collectors/aws-metrics.js';
import { azureDailyCpu } from '../dist/report/collectors/azure-metrics.js';
import { gcpDailyCpu } from '../dist/report/collectors/gcp-metrics.js';
import type { Observed } from '../dist/report/collectors/observations.js';
import { renderCsv } from '../dist/report/render/csv.js';
import { renderHtml } from '../dist/report/render/html.js';
import { renderMarkdown } from '../dist/report/render/markdown.js';
import type { Bench } from './benches.js';

const RESOURCES = 10_000;
const TARGET_MS = 10_000;
const NOW = new Date('2026-03-15T02:00:00Z');
const SIZES = ['t3.large', 'm5.2xlarge', 'e2-standard-4', 'Standard_D4s_v5'];

/** A CloudWatch stand-in answering GetMetricData from memory: 30 daily points per query. */
function memoryCloudWatch(): CloudWatchClient {
  return {
    send: async (command: { input: { MetricDataQueries: { Id: string }[]; StartTime: Date } }) => ({
      MetricDataResults: command.input.MetricDataQueries.map((q, i) => ({
        Id: q.Id,
        Timestamps: Array.from(
          { length: 30 },
          (_, d) => new Date(command.input.StartTime.getTime() + d * 86_400_000),
        ),
        Values: Array.from({ length: 30 }, () => (i % 7 === 0 ? 2 : 40)),
      })),
    }),
  } as unknown as CloudWatchClient;
}

const DAY_MS = 86_400_000;
const daily = (start: Date) => Array.from({ length: 30 }, (_, d) => new Date(start.getTime() + d * DAY_MS));

/** Azure Monitor from memory: the batch metrics API, up to 50 VMs of one region a call. */
function memoryAzureMetrics(): { metrics: () => Promise<MetricsClient> } {
  const client = {
    queryResources: async (ids: string[], _names: string[], _ns: string, o: { startTime: Date }) =>
      ids.map((resourceId) => ({
        resourceId,
        metrics: [{ timeseries: [{ data: daily(o.startTime).map((t) => ({ timeStamp: t, average: 25 })) }] }],
      })),
  } as unknown as MetricsClient;
  return { metrics: async () => client };
}

/** Cloud Monitoring from memory: timeSeries.list pages of up to pageSize series. */
function memoryCloudMonitoring(instances: number): GcpClients {
  const list = async (r: {
    pageSize: number;
    pageToken?: string;
    interval: { startTime: { seconds: number } };
  }) => {
    const skip = Number(r.pageToken ?? 0);
    const ids = Array.from(
      { length: Math.max(0, Math.min(r.pageSize, instances - skip)) },
      (_, i) => skip + i,
    );
    const points = daily(new Date(r.interval.startTime.seconds * 1000)).map((t) => ({
      interval: { endTime: { seconds: t.getTime() / 1000 } },
      value: { doubleValue: 0.25 },
    }));
    const next = skip + ids.length < instances ? String(skip + ids.length) : '';
    return [
      ids.map((i) => ({ resource: { labels: { instance_id: `gcp-i-${i}` } }, points })),
      null,
      { nextPageToken: next },
    ];
  };
  return { metrics: () => ({ listTimeSeries: list }), retry: undefined } as unknown as GcpClients;
}

function estate(cloud: 'aws' | 'azure' | 'gcp', count: number, cpu: Map<string, number[]>): Observed[] {
  const instances = Math.floor(count * 0.6);
  const volumes = Math.floor(count * 0.25);
  const snapshots = count - instances - volumes;
  const account = `${cloud}-acct`;
  return [
    {
      section: 'optimisation',
      cloud,
      account,
      instances: Array.from({ length: instances }, (_, i) => ({
        id: `${cloud}-i-${i}`,
        name: `vm-${i}`,
        region: 'r1',
        size: SIZES[i % SIZES.length] as string,
        state: 'running',
        cpu_daily: cpu.get(`${cloud}-i-${i}`) ?? Array.from({ length: 30 }, () => (i % 5 === 0 ? 3 : 25)),
      })),
      volumes: Array.from({ length: volumes }, (_, i) => ({
        id: `${cloud}-v-${i}`,
        name: `disk-${i}`,
        region: 'r1',
        size_gb: 50,
        encrypted: i % 4 !== 0,
        attached: i % 3 !== 0,
        volume_type: 'gp3',
      })),
      snapshots: Array.from({ length: snapshots }, (_, i) => ({
        id: `${cloud}-s-${i}`,
        region: 'r1',
        size_gb: 20,
        created_at: new Date(NOW.getTime() - (i % 200) * 86_400_000).toISOString(),
        source_volume: `${cloud}-gone-${i}`,
      })),
      volume_ids: Array.from({ length: volumes }, (_, i) => `${cloud}-v-${i}`),
    },
    {
      section: 'cost',
      cloud,
      account,
      as_of: '2026-03-15T00:00:00.000Z',
      lines: Array.from({ length: 14 * 20 }, (_, k) => ({
        date: new Date(NOW.getTime() - (Math.floor(k / 20) + 1) * 86_400_000).toISOString().slice(0, 10),
        service: `service-${k % 20}`,
        amount: 10 + (k % 20),
      })),
    },
  ];
}

export const reportBench: Bench = {
  name: 'report',
  async run() {
    const perCloud = Math.ceil(RESOURCES / 3);
    const started = performance.now();
    const calls = { count: 0 };
    const awsIds = Array.from({ length: Math.floor(perCloud * 0.6) }, (_, i) => `aws-i-${i}`);
    const cpu = await dailyCpu(
      memoryCloudWatch(),
      awsIds,
      { start: new Date(NOW.getTime() - 30 * 86_400_000), end: NOW },
      calls,
    );
    const window = { start: new Date(NOW.getTime() - 30 * DAY_MS), end: NOW };
    const azureCalls = { count: 0 };
    const azureIds = Array.from({ length: Math.floor(perCloud * 0.6) }, (_, i) => `azure-i-${i}`);
    const azureVms = azureIds.map((id, i) => ({ id, region: i % 2 ? 'eastus' : 'westeurope' }));
    const azureCpu = await azureDailyCpu(memoryAzureMetrics(), azureVms, window, azureCalls);
    const gcpCalls = { count: 0 };
    const gcpCount = Math.floor((RESOURCES - 2 * perCloud) * 0.6);
    const gcpCpu = await gcpDailyCpu(memoryCloudMonitoring(gcpCount), 'bench-project', window, gcpCalls);
    const observed = [
      ...estate('aws', perCloud, cpu),
      ...estate('azure', perCloud, azureCpu),
      ...estate('gcp', RESOURCES - 2 * perCloud, gcpCpu),
    ];
    const report = buildReport({
      date: '2026-03-15',
      now: NOW,
      settings: ReportSettingsSchema.parse({}),
      observed,
      statuses: [],
    });
    const bytes = renderMarkdown(report).length + renderHtml(report).length + renderCsv(report).length;
    const ms = performance.now() - started;
    process.stdout.write(
      `report: ${report.totals.resources} resources in 3 clouds, ${report.findings.length} findings, ${bytes} bytes rendered\n` +
        `report: built in ${ms.toFixed(0)} ms excluding API latency (target ≤ ${TARGET_MS} ms) ${ms <= TARGET_MS ? 'OK' : 'SLOW'}\n` +
        `report: ${calls.count} GetMetricData calls for ${awsIds.length} AWS instances (≤ 500 queries each)\n` +
        `report: ${azureCalls.count} Azure Monitor metrics calls for ${azureIds.length} Azure VMs in 2 regions (≤ 50 a call)\n` +
        `report: ${gcpCalls.count} Cloud Monitoring timeSeries.list calls for ${gcpCount} GCE instances (one per project page)\n`,
    );
  },
};
