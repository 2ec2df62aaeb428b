// Cost Explorer's JSON 1.1 error contract (docs.aws.amazon.com/aws-cost-management/latest/
// APIReference/API_GetCostAndUsage.html, "Errors" and "Common Errors"): every call is a
// POST / with X-Amz-Target; errors are HTTP 400 with {"__type", "message"}. moto answers
// the happy path; this server produces the faults moto cannot.

import type { Route } from '../../contract/server.js';

export type CostExplorerFault = 'access_denied' | 'limit_exceeded';

const BODIES: Record<CostExplorerFault, { __type: string; message: string }> = {
  access_denied: {
    __type: 'AccessDeniedException',
    message: 'User: arn:aws:iam::210987654321:user/report is not authorized to perform: ce:GetCostAndUsage',
  },
  limit_exceeded: { __type: 'LimitExceededException', message: 'Rate exceeded' },
};

export function costExplorerFaultRoutes(fault: CostExplorerFault): Route[] {
  return [
    {
      method: 'POST',
      path: '/',
      handler: (req) =>
        req.headers['x-amz-target'] === 'AWSInsightsIndexService.GetCostAndUsage'
          ? { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: BODIES[fault] }
          : { status: 400, body: { __type: 'UnknownOperationException', message: 'unknown operation' } },
    },
  ];
}
