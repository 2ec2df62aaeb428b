// BigQuery REST v2 (cloud.google.com/bigquery/docs/reference/rest/v2/jobs/query and
// jobs/getQueryResults), the shapes the Node client uses: POST /projects/{p}/queries (the
// fast path), POST /projects/{p}/jobs + GET /projects/{p}/queries/{jobId} (the job path).
// Rows come back as {f: [{v}]} with a schema; this server answers the billing-export query
// the report runs, filtered by its named parameters.

import type { ContractRequest, Route } from './server.js';

export interface BillingRow {
  project: string;
  day: string;
  service: string;
  amount: number;
}

export interface BigQueryState {
  rows: BillingRow[];
  /** Projects whose caller lacks bigquery.jobs.create. */
  denied: Set<string>;
  queries: string[];
}

interface QueryBody {
  query?: string;
  queryParameters?: { name: string; parameterValue: { value: string } }[];
  configuration?: { query?: QueryBody };
}

const BASE = '/bigquery/v2/projects/{p}';

export function bigQueryRoutes(state: BigQueryState): Route[] {
  const jobs = new Map<string, BillingRow[]>();
  const answer = (p: string, rows: BillingRow[], jobId: string) => ({
    status: 200,
    body: {
      kind: 'bigquery#queryResponse',
      jobComplete: true,
      jobReference: { projectId: p, jobId, location: 'US' },
      totalRows: String(rows.length),
      schema: {
        fields: [
          { name: 'day', type: 'STRING', mode: 'NULLABLE' },
          { name: 'service', type: 'STRING', mode: 'NULLABLE' },
          { name: 'amount', type: 'FLOAT', mode: 'NULLABLE' },
        ],
      },
      rows: rows.map((r) => ({ f: [{ v: r.day }, { v: r.service }, { v: String(r.amount) }] })),
    },
  });
  const run = (req: ContractRequest, body: QueryBody | undefined) => {
    const p = req.params.p ?? '';
    if (state.denied.has(p)) {
      return {
        status: 403,
        body: {
          error: {
            code: 403,
            message: `Access Denied: Project ${p}: User does not have bigquery.jobs.create permission in project ${p}.`,
            status: 'PERMISSION_DENIED',
          },
        },
      };
    }
    state.queries.push(body?.query ?? '');
    const param = (n: string) => body?.queryParameters?.find((q) => q.name === n)?.parameterValue.value ?? '';
    return state.rows.filter(
      (r) => r.project === param('project') && r.day >= param('start') && r.day < param('end'),
    );
  };
  return [
    {
      method: 'POST',
      path: `${BASE}/queries`,
      handler: (req) => {
        const rows = run(req, req.json as QueryBody);
        return Array.isArray(rows) ? answer(req.params.p ?? '', rows, 'fast-path') : rows;
      },
    },
    {
      method: 'POST',
      path: `${BASE}/jobs`,
      handler: (req) => {
        const rows = run(req, (req.json as QueryBody)?.configuration?.query);
        if (!Array.isArray(rows)) return rows;
        const jobId = `job-${jobs.size + 1}`;
        jobs.set(jobId, rows);
        return {
          status: 200,
          body: {
            kind: 'bigquery#job',
            jobReference: { projectId: req.params.p, jobId, location: 'US' },
            status: { state: 'DONE' },
          },
        };
      },
    },
    {
      method: 'GET',
      path: `${BASE}/queries/{job}`,
      handler: (req) =>
        answer(req.params.p ?? '', jobs.get(req.params.job ?? '') ?? [], req.params.job ?? ''),
    },
  ];
}
