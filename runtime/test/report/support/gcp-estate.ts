// A seeded GCP project behind one contract server: Compute Engine instances, disks,
// snapshots and firewalls, Cloud Monitoring CPU, Cloud Storage buckets with IAM policies
// and the billing export in BigQuery, all relative to the report clock.

import { OAuth2Client } from 'google-auth-library';
import { GcpClients } from '../../../src/clouds/gcp/clients.js';
import type { RetryOptions } from '../../../src/clouds/retry.js';
import { addDays, dayOf } from '../../../src/report/collectors/cost-window.js';
import { type BigQueryState, type BillingRow, bigQueryRoutes } from '../../contract/bigquery.js';
import { cloudMonitoring } from '../../contract/cloud-monitoring.js';
import { addInstance, type GceStatus, gce } from '../../contract/gce.js';
import { gceDisks } from '../../contract/gce-disks.js';
import { addFirewall, gceFirewall } from '../../contract/gce-firewall.js';
import { addBucket, gcsIam } from '../../contract/gcs-iam.js';
import { type ContractServer, startContractServer } from '../../contract/server.js';
import { runtimeEnvWith } from '../../support/emulators.js';

export const GCP_PROJECT = 'shop-prod-4711';
export const BILLING_TABLE = 'billing-admin-01.billing.gcp_billing_export_v1_0';
const ZONE = 'us-central1-a';
const DAY_MS = 86_400_000;

/** Cost per service: yesterday $192.25, the day before $130.50, $100 every earlier day. */
export const GCP_COST = {
  yesterday: { 'Compute Engine': 180.25, 'Cloud Storage': 12 },
  previous: { 'Compute Engine': 120.5, 'Cloud Storage': 10 },
  earlier: { 'Compute Engine': 100 },
};

export interface GcpEstate {
  server: ContractServer;
  clients: GcpClients;
  ids: Record<string, string>;
}

function billingRows(reportDay: string): BillingRow[] {
  const rows: BillingRow[] = [];
  for (let d = `${addDays(reportDay, -1).slice(0, 8)}01`; d < reportDay; d = addDays(d, 1)) {
    const services =
      d === addDays(reportDay, -1)
        ? GCP_COST.yesterday
        : d === addDays(reportDay, -2)
          ? GCP_COST.previous
          : GCP_COST.earlier;
    for (const [service, amount] of Object.entries(services))
      rows.push({ project: GCP_PROJECT, day: d, service, amount });
  }
  return rows;
}

export async function startGcpEstate(clock: Date, retry: RetryOptions = {}): Promise<GcpEstate> {
  const compute = gce();
  const disks = gceDisks();
  const firewalls = gceFirewall();
  const monitoring = cloudMonitoring();
  const storage = gcsIam();
  const billing: BigQueryState = { rows: billingRows(dayOf(clock)), denied: new Set(), queries: [] };
  const server = await startContractServer({
    routes: [
      ...compute.routes,
      ...disks.routes,
      ...firewalls.routes,
      ...monitoring.routes,
      ...storage.routes,
      ...bigQueryRoutes(billing),
    ],
  });
  const ids: Record<string, string> = {};
  let serial = 5_100_000_000_000_000_000n;
  const instance = (
    name: string,
    machineType: string,
    status: GceStatus,
    utilization?: number,
    statusMessage?: string,
  ) => {
    const id = String(++serial);
    addInstance(compute, {
      project: GCP_PROJECT,
      zone: ZONE,
      name,
      id,
      machineType,
      labels: { environment: name.includes('web') ? 'production' : 'dev' },
      status,
      ...(statusMessage ? { statusMessage } : {}),
    });
    if (utilization !== undefined)
      monitoring.instances.push({ project: GCP_PROJECT, zone: ZONE, name, id, utilization });
    ids[name] = `projects/${GCP_PROJECT}/zones/${ZONE}/instances/${name}`;
  };
  instance('gce-idle-dev', 'e2-standard-4', 'RUNNING', 0.03);
  instance('gce-web-01', 'e2-standard-8', 'RUNNING', 0.2);
  instance('gce-busy', 'e2-standard-2', 'RUNNING', 0.65);
  instance('gce-parked', 'e2-standard-2', 'TERMINATED');
  instance(
    'gce-crashed',
    'e2-standard-2',
    'TERMINATED',
    undefined,
    'Instance was stopped by the platform: host error.',
  );

  const disk = (name: string, sizeGb: number, type: 'pd-standard' | 'pd-balanced', users: string[] = []) => {
    disks.disks.push({
      project: GCP_PROJECT,
      zone: ZONE,
      name,
      id: String(++serial),
      sizeGb,
      type,
      users,
      labels: {},
    });
    ids[name] = `projects/${GCP_PROJECT}/zones/${ZONE}/disks/${name}`;
  };
  disk('gce-idle-dev-boot', 20, 'pd-balanced', ['gce-idle-dev']);
  disk('orphan-balanced', 200, 'pd-balanced');
  disk('orphan-standard', 500, 'pd-standard');

  const snapshot = (
    name: string,
    sourceDisk: string,
    ageDays: number,
    status: 'READY' | 'FAILED' = 'READY',
  ) => {
    disks.snapshots.push({
      project: GCP_PROJECT,
      name,
      id: String(++serial),
      sourceZone: ZONE,
      sourceDisk,
      diskSizeGb: 50,
      creationTimestamp: new Date(clock.getTime() - ageDays * DAY_MS).toISOString(),
      status,
    });
    ids[name] = `projects/${GCP_PROJECT}/global/snapshots/${name}`;
  };
  snapshot('snap-orphan-old', 'deleted-disk', 120);
  snapshot('snap-kept-old', 'gce-idle-dev-boot', 120);
  snapshot('snap-orphan-young', 'deleted-disk', 10);
  snapshot('snap-nightly-failed', 'gce-idle-dev-boot', 1, 'FAILED');

  const firewall = (
    name: string,
    sourceRanges: string[],
    allowed: { IPProtocol: string; ports?: string[] }[],
    disabled = false,
  ) => {
    addFirewall(firewalls, {
      project: GCP_PROJECT,
      name,
      network: 'default',
      priority: 1000,
      direction: 'INGRESS',
      sourceRanges,
      allowed,
      disabled,
    });
    ids[name] = `projects/${GCP_PROJECT}/global/firewalls/${name}`;
  };
  firewall('allow-ssh-world', ['0.0.0.0/0'], [{ IPProtocol: 'tcp', ports: ['22'] }]);
  firewall(
    'allow-mgmt-range',
    ['0.0.0.0/0'],
    [{ IPProtocol: 'udp' }, { IPProtocol: 'tcp', ports: ['80', '3000-4000'] }],
  );
  firewall('allow-ssh-iap', ['35.235.240.0/20'], [{ IPProtocol: 'tcp', ports: ['22'] }]);
  firewall('old-ssh-world', ['0.0.0.0/0'], [{ IPProtocol: 'tcp', ports: ['22'] }], true);
  firewall('allow-https', ['0.0.0.0/0'], [{ IPProtocol: 'tcp', ports: ['443'] }]);

  const viewer = (member: string) => [{ role: 'roles/storage.objectViewer', members: [member] }];
  addBucket(storage, {
    name: 'shop-public-assets',
    publicAccessPrevention: 'inherited',
    uniformBucketLevelAccess: true,
    bindings: viewer('allUsers'),
  });
  addBucket(storage, {
    name: 'shop-enforced',
    publicAccessPrevention: 'enforced',
    uniformBucketLevelAccess: true,
    bindings: viewer('allAuthenticatedUsers'),
  });
  addBucket(storage, {
    name: 'shop-legacy-acl',
    publicAccessPrevention: 'inherited',
    uniformBucketLevelAccess: false,
    bindings: [],
    acl: [
      { entity: 'allUsers', role: 'READER' },
      { entity: 'project-owners-123456789012', role: 'OWNER' },
    ],
  });
  addBucket(storage, {
    name: 'shop-private',
    publicAccessPrevention: 'inherited',
    uniformBucketLevelAccess: true,
    bindings: viewer(`projectViewer:${GCP_PROJECT}`),
  });

  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  const clients = new GcpClients(
    runtimeEnvWith({
      ESCHER_GCE_ENDPOINT: server.url,
      ESCHER_GCP_MONITORING_ENDPOINT: server.url,
      ESCHER_BIGQUERY_ENDPOINT: server.url,
      STORAGE_EMULATOR_HOST: server.url,
    }),
    { authClient, retry },
  );
  return { server, clients, ids };
}
