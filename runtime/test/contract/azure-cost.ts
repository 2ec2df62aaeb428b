// Azure Cost Management Query API (learn.microsoft.com/rest/api/cost-management/query/usage):
// POST /{scope}/providers/Microsoft.CostManagement/query?api-version=…; the answer is
// {properties: {nextLink, columns: [{name, type}], rows: [[…]]}}. Daily granularity adds a
// UsageDate column (a number, 20260314); grouping by ServiceName adds that column.
// Errors are {error: {code, message}}: 403 AuthorizationFailed, 429 with Retry-After.
// Long answers are paged: `nextLink` is the same URL with a $skiptoken, POSTed the same body.

import type { Route } from './server.js';

export interface AzureCostState {
  /** Subscription → rows of [cost, usageDate (yyyymmdd), serviceName]. */
  rows: Map<string, [number, number, string][]>;
  /** Subscriptions whose caller lacks Cost Management Reader. */
  denied: Set<string>;
  bodies: unknown[];
  /** Rows per page (default: all in one page). */
  pageSize?: number;
}

export function azureCostRoutes(state: AzureCostState): Route[] {
  return [
    {
      method: 'POST',
      path: '/subscriptions/{sub}/providers/Microsoft.CostManagement/query',
      handler: (req) => {
        const sub = req.params.sub ?? '';
        state.bodies.push(req.json);
        if (state.denied.has(sub)) {
          return {
            status: 403,
            body: {
              error: {
                code: 'AuthorizationFailed',
                message: `The client does not have authorization to perform action 'Microsoft.CostManagement/query/action' over scope '/subscriptions/${sub}'.`,
              },
            },
          };
        }
        const body = req.json as { timePeriod?: { from?: string; to?: string } } | undefined;
        const from = Number((body?.timePeriod?.from ?? '').slice(0, 10).replace(/-/g, ''));
        const to = Number((body?.timePeriod?.to ?? '').slice(0, 10).replace(/-/g, ''));
        const all = (state.rows.get(sub) ?? []).filter(([, day]) => day >= from && day <= to);
        const skip = Number(req.query.get('$skiptoken') ?? '0');
        const size = state.pageSize ?? Math.max(all.length, 1);
        const rows = all.slice(skip, skip + size);
        const next = new URL(`https://${req.headers.host}${req.path}`);
        next.searchParams.set('api-version', req.query.get('api-version') ?? '');
        next.searchParams.set('$skiptoken', String(skip + size));
        return {
          status: 200,
          body: {
            id: `subscriptions/${sub}/providers/Microsoft.CostManagement/query/q1`,
            name: 'q1',
            type: 'Microsoft.CostManagement/query',
            properties: {
              nextLink: skip + size < all.length ? next.toString() : null,
              columns: [
                { name: 'Cost', type: 'Number' },
                { name: 'UsageDate', type: 'Number' },
                { name: 'ServiceName', type: 'String' },
                { name: 'Currency', type: 'String' },
              ],
              rows: rows.map((r) => [...r, 'USD']),
            },
          },
        };
      },
    },
  ];
}
