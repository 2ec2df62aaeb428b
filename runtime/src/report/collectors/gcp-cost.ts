// GCP cost: the Cloud Billing export in BigQuery (standard usage cost table), cost plus
// credits per usage day and service for the project. Needs the table's name in the scope.

import { ConfigError } from '../../errors.js';
import type { Collector } from './collector.js';
import { costWindow, dayOf } from './cost-window.js';

const TABLE = /^[a-z][a-z0-9-]{4,28}[a-z0-9]\.[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/;

// The billing export's documented columns: cost, credits[].amount, usage_start_time, service.description, project.id.
const SQL = (
  table: string,
) => `SELECT FORMAT_DATE('%F', DATE(usage_start_time)) AS day, service.description AS service,
  SUM(cost) + SUM(IFNULL((SELECT SUM(c.amount) FROM UNNEST(credits) c), 0)) AS amount
FROM \`${table}\`
WHERE project.id = @project AND DATE(usage_start_time) >= @start AND DATE(usage_start_time) < @end
GROUP BY day, service ORDER BY day, service`;

export const gcpCost: Collector = {
  name: 'gcp.cost',
  cloud: 'gcp',
  section: 'cost',
  async collect(scope, ctx) {
    if (!ctx.gcp) throw new ConfigError('no GCP credentials configured');
    if (!scope.billing_table || !TABLE.test(scope.billing_table)) {
      throw new ConfigError('no Cloud Billing export table configured', {
        hint: 'export billing to BigQuery and name the table as project.dataset.table',
      });
    }
    const window = costWindow(dayOf(ctx.now));
    const [rows] = await ctx.gcp.bigQuery(scope.account).query({
      query: SQL(scope.billing_table),
      params: { project: scope.account, start: window.start, end: window.end },
      useLegacySql: false,
    });
    return {
      section: 'cost',
      as_of: window.as_of,
      lines: (rows as { day: string; service: string; amount: number }[]).map((r) => ({
        date: r.day,
        service: r.service,
        amount: Number(r.amount),
      })),
    };
  },
};
