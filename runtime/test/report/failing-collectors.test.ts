// A collector that fails leaves its section marked unavailable with the reason; the rest
// of the report is still built and stored.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/clouds/aws/clients.js';
import type { Collector } from '../../src/report/collectors/collector.js';
import { COLLECTORS } from '../../src/report/collectors/registry.js';
import { generateReport } from '../../src/report/generate.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { runtimeEnvWith } from '../support/emulators.js';
import { homeState } from '../support/state.js';
import { awsClients, freshAccount, REGION } from './support/aws-estate.js';
import { type CostExplorerFault, costExplorerFaultRoutes } from './support/cost-explorer-contract.js';

const clock = new Date('2026-03-15T02:00:00Z');
const servers: ContractServer[] = [];

/** The registry with the cost collector talking to a Cost Explorer that always fails. */
async function withFailingCost(
  fault: CostExplorerFault,
): Promise<{ collectors: Collector[]; server: ContractServer }> {
  const server = await startContractServer({ routes: costExplorerFaultRoutes(fault) });
  servers.push(server);
  const failing = new AwsClients(
    runtimeEnvWith({
      AWS_ENDPOINT_URL: server.url,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    }),
  );
  const collectors = COLLECTORS.map((c) =>
    c.name === 'aws.cost' ? { ...c, collect: (s, ctx) => c.collect(s, { ...ctx, aws: failing }) } : c,
  ) as Collector[];
  return { collectors, server };
}

function deps(
  collectors: readonly Collector[],
  scopes = [{ cloud: 'aws' as const, account: freshAccount(), region: REGION }],
) {
  return {
    state: homeState(mkdtempSync(join(tmpdir(), 'report-fail-'))),
    scopes,
    context: { aws: awsClients(), metricCalls: { count: 0 } },
    clock: () => clock,
    collectors,
  };
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('a failing collector', () => {
  it('marks the cost section unavailable on permission denied and stores the rest', async () => {
    const { collectors } = await withFailingCost('access_denied');
    const d = deps(collectors);
    const { report, stored } = await generateReport(d);
    expect(stored).toBe(true);
    expect(report.cost).toBeUndefined();
    expect(report.collectors.find((c) => c.collector === 'aws.cost')).toEqual({
      collector: 'aws.cost',
      section: 'cost',
      cloud: 'aws',
      account: d.scopes[0]?.account,
      status: 'unavailable',
      reason:
        'AccessDeniedException: User: arn:aws:iam::210987654321:user/report is not authorized to perform: ce:GetCostAndUsage (HTTP 400)',
    });
    expect(report.collectors.filter((c) => c.status === 'ok').map((c) => c.collector)).toEqual([
      'aws.security',
      'aws.optimisation',
      'aws.health',
    ]);
    // The fresh account has no password policy and no root MFA: security still reports.
    expect(report.findings.map((f) => f.kind).sort()).toEqual(['root_without_mfa', 'weak_password_policy']);
    expect(await d.state.getRecord('immutable_reports', report.id)).toMatchObject({ id: report.id });
  });

  it("gives up after the SDK's bounded retries when throttled, with the reason", async () => {
    const { collectors, server } = await withFailingCost('limit_exceeded');
    const { report } = await generateReport(deps(collectors));
    expect(report.collectors.find((c) => c.collector === 'aws.cost')?.reason).toBe(
      'LimitExceededException: Rate exceeded (HTTP 400)',
    );
    expect(server.requests).toHaveLength(6);
  });

  it('reports every section of clouds that are not configured, and still stores the report', async () => {
    const d = deps(COLLECTORS, []);
    const { report, stored } = await generateReport(d);
    expect(stored).toBe(true);
    expect(report.collectors.map((c) => [c.collector, c.status, c.reason])).toEqual([
      ['aws.cost', 'unavailable', 'aws is not configured'],
      ['aws.security', 'unavailable', 'aws is not configured'],
      ['aws.optimisation', 'unavailable', 'aws is not configured'],
      ['aws.health', 'unavailable', 'aws is not configured'],
      ['azure.cost', 'unavailable', 'azure is not configured'],
      ['azure.security', 'unavailable', 'azure is not configured'],
      ['azure.optimisation', 'unavailable', 'azure is not configured'],
      ['azure.health', 'unavailable', 'azure is not configured'],
      ['gcp.cost', 'unavailable', 'gcp is not configured'],
      ['gcp.security', 'unavailable', 'gcp is not configured'],
      ['gcp.optimisation', 'unavailable', 'gcp is not configured'],
      ['gcp.health', 'unavailable', 'gcp is not configured'],
    ]);
    expect(report.summary.headline).toBe('0 findings (0 critical); cost data unavailable');
  });
});
