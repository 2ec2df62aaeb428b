import { type EstateResource, EstateResourceSchema } from '@escher/shared';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GcpClients } from '../../src/clouds/gcp/clients.js';
import { GceFleet } from '../../src/clouds/gcp/gce-fleet.js';
import { loadRuntimeEnv } from '../../src/config/env.js';
import { MemoryOperationLog } from '../../src/jobs/operation-log.js';
import { runJob } from '../../src/jobs/run-job.js';
import { addInstance, type GceState, gce } from '../contract/gce.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { stopDevJob } from './fixtures.js';

const PROJECT = 'demo-project';
const path = (zone: string, name: string) => `projects/${PROJECT}/zones/${zone}/instances/${name}`;

let server: ContractServer;
let api: GceState;
let fleet: GceFleet;
const dev: string[] = [];
const prod: string[] = [];

beforeAll(async () => {
  api = gce({ inProgressPolls: 1 });
  for (let i = 0; i < 100; i++) {
    const isDev = i < 60;
    const zone = i % 2 ? 'us-central1-a' : 'us-central1-b';
    const name = `gce-${String(i).padStart(3, '0')}`;
    addInstance(api, {
      project: PROJECT,
      zone,
      name,
      id: String(5_000_000_000 + i),
      machineType: 'e2-medium',
      labels: isDev ? { env: 'dev' } : { env: 'prod', environment: 'production' },
      status: 'RUNNING',
    });
    (isDev ? dev : prod).push(path(zone, name));
  }
  server = await startContractServer({ routes: api.routes });
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  const clients = new GcpClients(loadRuntimeEnv({ ESCHER_GCE_ENDPOINT: server.url }), { authClient: auth });
  fleet = new GceFleet(clients.instances(), clients.zoneOperations(), {
    pollIntervalMs: 5,
    retry: { baseDelayMs: 1 },
  });
});
afterAll(async () => {
  await server?.close();
});

function estate(): EstateResource[] {
  return [...api.instances.values()].map((i) =>
    EstateResourceSchema.parse({
      cloud_provider: 'gcp',
      resource_type: 'compute_instance',
      account_id: PROJECT,
      region: 'us-central1',
      resource_id: path(i.zone, i.name),
      name: i.name,
      size: i.machineType,
      tags: { ...i.labels },
      metadata: { zone: i.zone },
      ...(i.labels.environment === 'production' ? { environment: 'production' } : {}),
    }),
  );
}

const instance = (id: string) => [...api.instances.values()].find((i) => path(i.zone, i.name) === id);

describe('dev shutdown on 100 Compute Engine instances (contract server)', () => {
  const job = stopDevJob({
    selector: {
      resource_types: ['compute_instance'],
      clouds: ['gcp'],
      tags: 'env=dev AND NOT escher-skip=true',
    },
  });
  const log = new MemoryOperationLog();

  it('stops exactly the matching dev instances through 429s, 503s and zone operations', async () => {
    const snapshot = estate();
    // Relabelled after the snapshot: two dev instances opt out.
    for (const id of dev.slice(0, 2)) {
      const found = instance(id);
      if (found) found.labels['escher-skip'] = 'true';
    }
    server.injectFaults(
      {
        method: 'POST',
        path: /\/stop$/,
        response: { status: 429, body: { error: { code: 429, message: 'Rate Limit Exceeded' } } },
      },
      {
        method: 'POST',
        path: /\/stop$/,
        response: { status: 503, body: { error: { code: 503, message: 'Backend Error' } } },
      },
      {
        method: 'POST',
        path: /\/wait$/,
        response: { status: 503, body: { error: { code: 503, message: 'Backend Error' } } },
      },
      {
        method: 'GET',
        path: /\/aggregated\/instances$/,
        response: { status: 429, body: { error: { code: 429, message: 'Rate Limit Exceeded' } } },
      },
    );

    const result = await runJob(job, new Date('2026-11-20T19:00:00Z'), {
      estate: async () => snapshot,
      fleets: () => fleet,
      log,
      actor: 'runner:test',
    });

    const stopped = [...api.instances.values()]
      .filter((i) => i.status === 'TERMINATED')
      .map((i) => path(i.zone, i.name));
    expect(stopped.sort()).toEqual(dev.slice(2).sort());
    expect(prod.every((id) => instance(id)?.status === 'RUNNING')).toBe(true);
    expect(api.actions.filter((a) => a.startsWith('stop '))).toHaveLength(58);
    expect(result.operations.filter((o) => o.outcome === 'failed')).toEqual([]);
    expect(result.operations.filter((o) => o.outcome === 'succeeded')).toHaveLength(58);
    expect(
      result.operations
        .filter((o) => o.outcome === 'skipped')
        .map((o) => o.target.resource_id)
        .sort(),
    ).toEqual(dev.slice(0, 2).sort());
    expect(server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/stop'))).toHaveLength(60);
    expect(result.summary).toMatch(
      /^Stopped 58 VMs — 58 GCP — in \d+ s; est\. savings \$912\/month \(2 skipped\)$/,
    );
  });

  it('makes no stop call on an immediate second run', async () => {
    const before = api.actions.length;
    const result = await runJob(job, new Date('2026-11-21T19:00:00Z'), {
      estate: async () => estate(),
      fleets: () => fleet,
      log,
      actor: 'runner:test',
    });
    expect(api.actions.length).toBe(before);
    expect(result.operations.filter((o) => o.reason === 'already stopped')).toHaveLength(58);
  });

  it('reports an instance that fails to come up, with the reason, instead of counting it', async () => {
    const start = stopDevJob({
      name: 'dev-morning-start',
      action: 'start',
      selector: {
        resource_types: ['compute_instance'],
        clouds: ['gcp'],
        tags: 'env=dev AND NOT escher-skip=true',
      },
    });
    const broken = dev[5] as string;
    // The start operation succeeds, then the instance falls back: its disk's KMS key is disabled.
    api.failToBoot.set(instance(broken)?.name ?? '', 'Cloud KMS key is disabled');
    const result = await runJob(start, new Date('2026-11-23T07:00:00Z'), {
      estate: async () => estate(),
      fleets: () => fleet,
      log,
      actor: 'runner:test',
    });
    const failed = result.operations.filter((o) => o.outcome === 'failed');
    expect(failed.map((o) => [o.target.resource_id, o.error])).toEqual([
      [broken, 'expected running, found stopped: Cloud KMS key is disabled'],
    ]);
    expect(result.operations.filter((o) => o.outcome === 'succeeded')).toHaveLength(57);
  });
});
