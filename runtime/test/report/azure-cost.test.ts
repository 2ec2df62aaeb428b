// Azure cost through the Cost Management Query contract server: daily lines by service
// feed the same cost summary as AWS; a denied subscription leaves the section unavailable.

import type { TokenCredential } from '@azure/identity';
import { ReportSettingsSchema } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AzureClients } from '../../src/clouds/azure/clients.js';
import { azureCost } from '../../src/report/collectors/azure-cost.js';
import { runCollectors } from '../../src/report/collectors/run-collectors.js';
import { type AzureCostState, azureCostRoutes } from '../contract/azure-cost.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { runtimeEnvWith } from '../support/emulators.js';

const SUB = '11111111-2222-3333-4444-555555555555';
const DENIED = '99999999-2222-3333-4444-555555555555';
const credential: TokenCredential = {
  getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const state: AzureCostState = {
  rows: new Map([
    [
      SUB,
      [
        [310.25, 20260313, 'Virtual Machines'],
        [40, 20260313, 'Storage'],
        [402.75, 20260314, 'Virtual Machines'],
        [41.5, 20260314, 'Storage'],
        [9, 20260315, 'Storage'],
      ],
    ],
  ]),
  denied: new Set([DENIED]),
  bodies: [],
};
let server: ContractServer;
let azure: AzureClients;

beforeAll(async () => {
  server = await startContractServer({ routes: azureCostRoutes(state), tls: true });
  azure = new AzureClients(runtimeEnvWith({ ESCHER_AZURE_ARM_ENDPOINT: server.url }), {
    credential,
    ca: server.ca as string,
    retryDelayInMs: 5,
  });
});
afterAll(() => server.close());

const ctx = () => ({
  azure,
  now: new Date('2026-03-15T02:00:00Z'),
  thresholds: ReportSettingsSchema.parse({}).thresholds,
  metricCalls: { count: 0 },
});

describe('the Azure cost collector', () => {
  it('reads daily cost by service up to yesterday', async () => {
    const obs = await azureCost.collect({ cloud: 'azure', account: SUB, region: 'eastus' }, ctx());
    expect(obs).toEqual({
      section: 'cost',
      as_of: '2026-03-15T00:00:00.000Z',
      lines: [
        { date: '2026-03-13', service: 'Virtual Machines', amount: 310.25 },
        { date: '2026-03-13', service: 'Storage', amount: 40 },
        { date: '2026-03-14', service: 'Virtual Machines', amount: 402.75 },
        { date: '2026-03-14', service: 'Storage', amount: 41.5 },
      ],
    });
    expect(state.bodies.at(-1)).toMatchObject({
      type: 'ActualCost',
      timeframe: 'Custom',
      dataset: { granularity: 'Daily', grouping: [{ type: 'Dimension', name: 'ServiceName' }] },
    });
  });

  it('is unavailable with the reason when the subscription denies access', async () => {
    const { statuses, observed } = await runCollectors(
      [azureCost],
      [{ cloud: 'azure', account: DENIED, region: 'eastus' }],
      ctx(),
    );
    expect(observed).toEqual([]);
    expect(statuses[0]?.status).toBe('unavailable');
    expect(statuses[0]?.reason).toContain(
      "does not have authorization to perform action 'Microsoft.CostManagement/query/action'",
    );
    expect(statuses[0]?.reason).toContain('(HTTP 403)');
  });
});
