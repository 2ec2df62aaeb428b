// Azure cost: the Cost Management Query API over the subscription, actual cost per day
// grouped by service name. The answer is a table (columns + rows), paged by nextLink.

import type { QueryColumn } from '@azure/arm-costmanagement';
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

export const azureCost: Collector = {
  name: 'azure.cost',
  cloud: 'azure',
  section: 'cost',
  async collect(scope, ctx) {
    if (!ctx.azure) throw new ConfigError('no Azure credentials configured');
    const window = costWindow(dayOf(ctx.now));
    const result = await ctx.azure.costManagement().query.usage(`subscriptions/${scope.account}`, {
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
    });
    return {
      section: 'cost',
      as_of: window.as_of,
      lines: costLines(result.columns ?? [], result.rows ?? []),
    };
  },
};
