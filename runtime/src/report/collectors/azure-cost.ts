// Azure cost: the Cost Management Query API over the subscription, actual cost per day
// grouped by service name. The answer is a table (columns + rows), paged by nextLink.

import type {
  CostManagementClient,
  QueryColumn,
  QueryDefinition,
  QueryResult,
} from '@azure/arm-costmanagement';
import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { ConfigError } from '../../errors.js';
import type { Collector } from './collector.js';
import { addDays, costWindow, dayOf } from './cost-window.js';
import type { CostLine } from './observations.js';

/** UsageDate comes back as a number, 20260314. */
const usageDay = (v: unknown) => {
  const s = String(v);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

export function costLines(columns: QueryColumn[], rows: unknown[][]): CostLine[] {
  const at = (name: string) => columns.findIndex((c) => c.name?.toLowerCase() === name.toLowerCase());
  const [cost, date, service] = [
    at('Cost') >= 0 ? at('Cost') : at('PreTaxCost'),
    at('UsageDate'),
    at('ServiceName'),
  ];
  if (cost < 0 || date < 0) throw new Error('Cost Management answered without Cost and UsageDate columns');
  return rows.map((r) => ({
    date: usageDay(r[date]),
    service: service >= 0 ? String(r[service]) : 'Azure',
    amount: Number(r[cost]),
  }));
}

/**
 * The next page of a query: the documented way is to POST the same query definition to
 * `nextLink` (it carries a $skiptoken); the SDK has no operation for it, so the request
 * goes through the client's own pipeline (credentials, retries, TLS settings).
 */
async function nextPage(
  client: CostManagementClient,
  nextLink: string,
  definition: QueryDefinition,
): Promise<QueryResult> {
  const response = await client.sendRequest(
    createPipelineRequest({
      url: nextLink,
      method: 'POST',
      body: JSON.stringify(definition),
      headers: createHttpHeaders({ 'content-type': 'application/json', accept: 'application/json' }),
    }),
  );
  const body = response.bodyAsText ? JSON.parse(response.bodyAsText) : {};
  if (response.status !== 200) {
    throw new RestError(body?.error?.message ?? `Cost Management answered HTTP ${response.status}`, {
      statusCode: response.status,
      code: body?.error?.code,
    });
  }
  return { ...(body.properties ?? {}) } as QueryResult;
}

export const azureCost: Collector = {
  name: 'azure.cost',
  cloud: 'azure',
  section: 'cost',
  async collect(scope, ctx) {
    if (!ctx.azure) throw new ConfigError('no Azure credentials configured');
    const window = costWindow(dayOf(ctx.now));
    const client = ctx.azure.costManagement();
    const definition: QueryDefinition = {
      type: 'ActualCost',
      timeframe: 'Custom',
      timePeriod: {
        from: new Date(`${window.start}T00:00:00Z`),
        to: new Date(`${addDays(window.end, -1)}T23:59:59Z`),
      },
      dataset: {
        granularity: 'Daily',
        aggregation: { totalCost: { name: 'Cost', function: 'Sum' } },
        grouping: [{ type: 'Dimension', name: 'ServiceName' }],
      },
    };
    let page: QueryResult = await client.query.usage(`subscriptions/${scope.account}`, definition);
    const lines = costLines(page.columns ?? [], page.rows ?? []);
    while (page.nextLink) {
      page = await nextPage(client, page.nextLink, definition);
      lines.push(...costLines(page.columns ?? [], page.rows ?? []));
    }
    return { section: 'cost', as_of: window.as_of, lines };
  },
};
