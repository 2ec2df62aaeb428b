// GCP cost from the Cloud Billing export through the BigQuery contract server: daily
// lines by service; a project without BigQuery access leaves the section unavailable.

import { ReportSettingsSchema } from '@escher/shared';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GcpClients } from '../../src/clouds/gcp/clients.js';
import { gcpCost } from '../../src/report/collectors/gcp-cost.js';
import { runCollectors } from '../../src/report/collectors/run-collectors.js';
import { type BigQueryState, bigQueryRoutes } from '../contract/bigquery.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { runtimeEnvWith } from '../support/emulators.js';

const state: BigQueryState = {
  rows: [
    { project: 'shop-prod', day: '2026-03-13', service: 'Compute Engine', amount: 120.5 },
    { project: 'shop-prod', day: '2026-03-14', service: 'Compute Engine', amount: 180.25 },
    { project: 'shop-prod', day: '2026-03-15', service: 'Compute Engine', amount: 99 },
    { project: 'other-proj', day: '2026-03-14', service: 'Cloud Storage', amount: 7 },
  ],
  denied: new Set(['locked-proj']),
  queries: [],
};
let server: ContractServer;
let gcp: GcpClients;

beforeAll(async () => {
  server = await startContractServer({ routes: bigQueryRoutes(state) });
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  gcp = new GcpClients(runtimeEnvWith({ ESCHER_BIGQUERY_ENDPOINT: server.url }), { authClient });
});
afterAll(() => server.close());

const ctx = () => ({
  gcp,
  now: new Date('2026-03-15T02:00:00Z'),
  thresholds: ReportSettingsSchema.parse({}).thresholds,
  metricCalls: { count: 0 },
});
const scope = (account: string) => ({
  cloud: 'gcp' as const,
  account,
  region: 'us-central1',
  billing_table: 'billing-proj.billing.gcp_billing_export_v1_0',
});

describe('the GCP cost collector', () => {
  it('reads the billing export for the project up to yesterday', async () => {
    const obs = await gcpCost.collect(scope('shop-prod'), ctx());
    expect(obs).toEqual({
      section: 'cost',
      as_of: '2026-03-15T00:00:00.000Z',
      lines: [
        { date: '2026-03-13', service: 'Compute Engine', amount: 120.5 },
        { date: '2026-03-14', service: 'Compute Engine', amount: 180.25 },
      ],
    });
    expect(state.queries.at(-1)).toContain('FROM `billing-proj.billing.gcp_billing_export_v1_0`');
  });

  it('is unavailable with the reason when BigQuery denies the project', async () => {
    const { statuses } = await runCollectors([gcpCost], [scope('locked-proj')], ctx());
    expect(statuses[0]?.status).toBe('unavailable');
    expect(statuses[0]?.reason).toContain(
      'User does not have bigquery.jobs.create permission in project locked-proj',
    );
  });

  it('is unavailable when no billing export table is configured', async () => {
    const { statuses } = await runCollectors(
      [gcpCost],
      [{ cloud: 'gcp', account: 'shop-prod', region: 'us-central1' }],
      ctx(),
    );
    expect(statuses[0]?.reason).toBe('ConfigError: no Cloud Billing export table configured');
  });
});
