// AWS cost: Cost Explorer GetCostAndUsage, DAILY, grouped by SERVICE, unblended cost.

import { GetCostAndUsageCommand, type GetCostAndUsageCommandOutput } from '@aws-sdk/client-cost-explorer';
import { ConfigError } from '../../errors.js';
import type { Collector } from './collector.js';
import { costWindow, dayOf } from './cost-window.js';
import type { CostLine } from './observations.js';

export const awsCost: Collector = {
  name: 'aws.cost',
  cloud: 'aws',
  section: 'cost',
  async collect(scope, ctx) {
    if (!ctx.aws) throw new ConfigError('no AWS credentials configured');
    const ce = ctx.aws.costExplorer(scope);
    const window = costWindow(dayOf(ctx.now));
    const lines: CostLine[] = [];
    let token: string | undefined;
    do {
      const out: GetCostAndUsageCommandOutput = await ce.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: window.start, End: window.end },
          Granularity: 'DAILY',
          Metrics: ['UnblendedCost'],
          GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
          ...(token ? { NextPageToken: token } : {}),
        }),
      );
      for (const day of out.ResultsByTime ?? []) {
        const date = day.TimePeriod?.Start ?? '';
        for (const group of day.Groups ?? []) {
          const amount = Number(group.Metrics?.UnblendedCost?.Amount ?? '0');
          if (amount !== 0) lines.push({ date, service: group.Keys?.[0] ?? 'unknown', amount });
        }
      }
      token = out.NextPageToken;
    } while (token);
    return { section: 'cost', as_of: window.as_of, lines };
  },
};
