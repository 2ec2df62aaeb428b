// The morning report over AWS (moto), Azure (ARM contract server) and GCP (Compute
// Engine, Cloud Monitoring, Cloud Storage and BigQuery contract server) at once: the
// numbers of every section asserted exactly per cloud, and one failing metrics API
// marking only its own section unavailable.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CloudProvider, Finding, Report } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GcpClients } from '../../src/clouds/gcp/clients.js';
import { addDays, dayOf } from '../../src/report/collectors/cost-window.js';
import { generateReport } from '../../src/report/generate.js';
import { metricsDenied } from '../contract/azure-monitor.js';
import { quotaExceeded } from '../contract/cloud-monitoring.js';
import { homeState } from '../support/state.js';
import {
  awsClients,
  freshAccount,
  launch,
  openToWorld,
  orphanSnapshot,
  publicBucket,
  REGION,
  reportClock,
  seedCost,
  seedCpu,
  volume,
} from './support/aws-estate.js';
import { AZURE_SUB, type AzureEstate, startAzureEstate } from './support/azure-estate.js';
import { BILLING_TABLE, GCP_PROJECT, type GcpEstate, startGcpEstate } from './support/gcp-estate.js';

const account = freshAccount();
const clock = reportClock();
const date = dayOf(clock);
const aws: Record<string, string> = {};
let azure: AzureEstate;
let gcp: GcpEstate;

beforeAll(async () => {
  const clients = awsClients();
  const scope = { account, region: REGION };
  const ec2 = clients.ec2(scope);
  await seedCost(account, date);
  aws.idle = await launch(ec2, 't3.large', 'idle-dev', 'dev');
  await seedCpu(clients.cloudWatch(scope), aws.idle, 2, clock);
  aws.volume = await volume(ec2, 50, true, 'dev');
  aws.snapshot = await orphanSnapshot(ec2, 40);
  aws.group = await openToWorld(ec2, 'ssh-anywhere', 22);
  aws.bucket = `public-${account}`;
  await publicBucket(clients.s3(scope), aws.bucket);
  azure = await startAzureEstate(clock);
  // Throttling retries back off for a millisecond, not seconds, here.
  gcp = await startGcpEstate(clock, { baseDelayMs: 1 });
});
afterAll(async () => {
  await Promise.all([azure?.server.close(), gcp?.server.close()]);
});

function deps(gcpClients: GcpClients = gcp.clients) {
  return {
    state: homeState(mkdtempSync(join(tmpdir(), 'report-3c-'))),
    scopes: [
      { cloud: 'aws' as const, account, region: REGION },
      { cloud: 'azure' as const, account: AZURE_SUB, region: 'eastus' },
      { cloud: 'gcp' as const, account: GCP_PROJECT, region: 'us-central1', billing_table: BILLING_TABLE },
    ],
    context: { aws: awsClients(), azure: azure.clients, gcp: gcpClients, metricCalls: { count: 0 } },
    clock: () => clock,
  };
}

/** [resource_id, monthly saving] of one kind of finding in one cloud, sorted by id. */
const savings = (r: Report, cloud: CloudProvider, kind: Finding['kind']) =>
  r.findings
    .filter((f) => f.cloud === cloud && f.kind === kind)
    .map((f) => [f.resource_id, f.monthly_saving_usd])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
const details = (r: Report, cloud: CloudProvider, kind: Finding['kind']) =>
  r.findings
    .filter((f) => f.cloud === cloud && f.kind === kind)
    .map((f) => [f.resource_name, f.detail])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('the morning report over three clouds', () => {
  let report: Report;
  let metricCalls: number;
  let costPages: number;
  let metricBatches: [string, string[]][];

  beforeAll(async () => {
    const d = deps();
    ({ report } = await generateReport(d));
    metricCalls = d.context.metricCalls.count;
    metricBatches = azure.server.requests
      .filter((r) => r.path.endsWith('/metrics:getBatch'))
      .map((r) => [r.path, (r.json as { resourceids: string[] }).resourceids]);
    costPages = azure.server.requests.filter((r) =>
      r.path.endsWith('/Microsoft.CostManagement/query'),
    ).length;
  });

  it('collects every section of every cloud', () => {
    expect(report.collectors.map((c) => [c.collector, c.status, c.reason])).toEqual(
      ['aws', 'azure', 'gcp'].flatMap((cloud) =>
        ['cost', 'security', 'optimisation', 'health'].map((s) => [`${cloud}.${s}`, 'ok', undefined]),
      ),
    );
    // AWS: one GetMetricData; Azure: one metrics:getBatch for its 3 running VMs; GCP: one timeSeries.list.
    expect(metricCalls).toBe(3);
    expect(metricBatches).toEqual([
      [
        `/eastus/subscriptions/${AZURE_SUB}/metrics:getBatch`,
        [azure.ids['vm-idle-dev'], azure.ids['vm-web-01'], azure.ids['vm-busy']],
      ],
    ]);
    // 14 days × 2 services of Azure cost, three rows a page: the collector followed nextLink to the end.
    expect(costPages).toBe(10);
  });

  it("sums yesterday's cost, its delta and its top drivers across the clouds", () => {
    expect(report.cost).toMatchObject({
      as_of: `${date}T00:00:00.000Z`,
      yesterday: 1883.5,
      previous_day: 1541.75,
      delta: 341.75,
      delta_percent: 22.2,
      month_to_date: 20705.25,
    });
    expect(report.cost?.by_cloud).toEqual([
      { cloud: 'aws', yesterday: 1247, previous_day: 1061 },
      { cloud: 'azure', yesterday: 444.25, previous_day: 350.25 },
      { cloud: 'gcp', yesterday: 192.25, previous_day: 130.5 },
    ]);
    expect(report.cost?.top_drivers.map((d) => [d.cloud, d.service, d.yesterday, d.delta])).toEqual([
      ['aws', 'Amazon Elastic Compute Cloud - Compute', 567, 144],
      ['azure', 'Virtual Machines', 402.75, 92.5],
      ['aws', 'Amazon Relational Database Service', 289, 25],
      ['aws', 'Other', 235, 5],
      ['gcp', 'Compute Engine', 180.25, 59.75],
    ]);
    expect(report.cost?.trend.find((t) => t.date === addDays(date, -3))?.amount).toBe(1440);
  });

  it('finds idle and over-provisioned instances with their savings', () => {
    expect(savings(report, 'aws', 'idle_instance')).toEqual([[aws.idle, 60.74]]);
    expect(savings(report, 'azure', 'idle_instance')).toEqual([[azure.ids['vm-idle-dev'], 140.16]]);
    expect(savings(report, 'gcp', 'idle_instance')).toEqual([[gcp.ids['gce-idle-dev'], 97.82]]);
    const rightsize = report.findings.filter((f) => f.kind === 'overprovisioned_instance');
    expect(rightsize.map((f) => [f.cloud, f.title, f.monthly_saving_usd])).toEqual([
      ['azure', 'vm-web-01 (production): Standard_D8s_v5 → Standard_D4s_v5', 140.16],
      ['gcp', 'gce-web-01 (production): e2-standard-8 → e2-standard-4', 97.82],
    ]);
  });

  it('finds unattached disks and old snapshots whose source is gone', () => {
    expect(savings(report, 'aws', 'unattached_volume')).toEqual([[aws.volume, 4]]);
    expect(savings(report, 'azure', 'unattached_volume')).toEqual([
      [azure.ids['archive-orphan'], 4.6],
      [azure.ids['data-orphan'], 39.42],
    ]);
    expect(savings(report, 'gcp', 'unattached_volume')).toEqual([
      [gcp.ids['orphan-balanced'], 20],
      [gcp.ids['orphan-standard'], 20],
    ]);
    expect(savings(report, 'aws', 'old_snapshot')).toEqual([[aws.snapshot, 2]]);
    expect(savings(report, 'azure', 'old_snapshot')).toEqual([[azure.ids['snap-orphan-old'], 3.2]]);
    expect(savings(report, 'gcp', 'old_snapshot')).toEqual([[gcp.ids['snap-orphan-old'], 2.5]]);
  });

  it('finds public storage and admin ports open to the internet', () => {
    expect(details(report, 'aws', 'public_bucket')).toEqual([[aws.bucket, 'ACL grants READ to AllUsers']]);
    expect(details(report, 'azure', 'public_bucket')).toEqual([
      ['stpublicassets', 'anonymous read on container assets (Blob)'],
    ]);
    expect(details(report, 'gcp', 'public_bucket')).toEqual([
      ['shop-legacy-acl', 'ACL grants READER to allUsers; public access prevention inherited'],
      [
        'shop-public-assets',
        'IAM grants roles/storage.objectViewer to allUsers; public access prevention inherited',
      ],
    ]);
    expect(details(report, 'aws', 'open_admin_port')).toEqual([
      ['ssh-anywhere', 'port 22 open to the internet'],
    ]);
    expect(details(report, 'azure', 'open_admin_port')).toEqual([
      ['nsg-jump/mgmt-range', 'port 3389 open to the internet (source Internet)'],
      ['nsg-web/allow-ssh-any', 'port 22 open to the internet (source *)'],
    ]);
    expect(details(report, 'gcp', 'open_admin_port')).toEqual([
      ['allow-mgmt-range', 'port 3389 open to the internet (source 0.0.0.0/0)'],
      ['allow-ssh-world', 'port 22 open to the internet (source 0.0.0.0/0)'],
    ]);
    // Azure and Compute Engine disks are always encrypted at rest: none is reported.
    expect(report.findings.filter((f) => f.kind === 'unencrypted_volume' && f.cloud !== 'aws')).toEqual([]);
  });

  it('reports failed deployments, failed snapshots and unexpected stops', () => {
    const health = (cloud: CloudProvider) =>
      report.findings
        .filter((f) => f.section === 'health' && f.cloud === cloud)
        .map((f) => [f.kind, f.resource_name, f.severity, f.detail])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(health('azure')).toEqual([
      ['failed_backup', 'snap-nightly-failed', 'HIGH', 'snapshot of vm-idle-dev-os failed'],
      [
        'failed_deployment',
        'vm-broken',
        'HIGH',
        'provisioning failed: Allocation failed. We do not have sufficient capacity for the requested VM size in this region.',
      ],
      [
        'stopped_service',
        'vm-powered-off',
        'MEDIUM',
        'stopped but not deallocated (still billed; the VM API does not say who stopped it)',
      ],
      [
        'failed_deployment',
        'web-release-42',
        'HIGH',
        'deployment failed: DeploymentFailed At least one resource deployment operation failed.',
      ],
    ]);
    expect(health('gcp')).toEqual([
      [
        'stopped_service',
        'gce-crashed',
        'HIGH',
        'stopped: Instance was stopped by the platform: host error.',
      ],
      ['failed_backup', 'snap-nightly-failed', 'HIGH', 'snapshot of gce-idle-dev-boot failed'],
    ]);
  });
});

describe('a failing metrics API in the three-cloud report', () => {
  const statusOf = (r: Report, name: string) => r.collectors.find((c) => c.collector === name);

  it('marks only Azure optimisation unavailable when Azure Monitor answers 403', async () => {
    azure.server.injectFaults({
      method: 'POST',
      path: /\/metrics:getBatch$/i,
      response: metricsDenied(AZURE_SUB),
    });
    const { report, stored } = await generateReport(deps());
    expect(stored).toBe(true);
    expect(statusOf(report, 'azure.optimisation')).toMatchObject({
      status: 'unavailable',
      reason: expect.stringContaining(
        "does not have authorization to perform action 'Microsoft.Insights/metrics/read'",
      ),
    });
    expect(statusOf(report, 'azure.optimisation')?.reason).toContain('(HTTP 403)');
    expect(report.collectors.filter((c) => c.status !== 'ok').map((c) => c.collector)).toEqual([
      'azure.optimisation',
    ]);
    expect(report.findings.some((f) => f.cloud === 'azure' && f.section === 'optimisation')).toBe(false);
    expect(report.findings.filter((f) => f.cloud === 'azure' && f.kind === 'open_admin_port')).toHaveLength(
      2,
    );
    expect(savings(report, 'gcp', 'idle_instance')).toEqual([[gcp.ids['gce-idle-dev'], 97.82]]);
  });

  it('marks only GCP optimisation unavailable when Cloud Monitoring throttles past the retries', async () => {
    const timeSeries = /^\/v3\/projects\/[^/]+\/timeSeries$/;
    const before = gcp.server.requests.filter((r) => timeSeries.test(r.path)).length;
    gcp.server.injectFaults(
      ...Array.from({ length: 6 }, () => ({
        method: 'GET',
        path: timeSeries,
        response: quotaExceeded(GCP_PROJECT),
      })),
    );
    const { report } = await generateReport(deps());
    // withRetry's default: six attempts, then the error is the reason.
    expect(gcp.server.requests.filter((r) => timeSeries.test(r.path)).length - before).toBe(6);
    expect(statusOf(report, 'gcp.optimisation')).toMatchObject({
      status: 'unavailable',
      reason: expect.stringContaining("Quota exceeded for quota metric 'Time series queries'"),
    });
    expect(report.collectors.filter((c) => c.status !== 'ok').map((c) => c.collector)).toEqual([
      'gcp.optimisation',
    ]);
    expect(report.findings.some((f) => f.cloud === 'gcp' && f.section === 'optimisation')).toBe(false);
    expect(savings(report, 'azure', 'idle_instance')).toEqual([[azure.ids['vm-idle-dev'], 140.16]]);
  });
});
