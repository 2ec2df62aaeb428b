// The Lambda Runtime API (docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) as the
// Lambda service offers it to a custom runtime: GET /2018-06-01/runtime/invocation/next hands
// out queued events with Lambda-Runtime-* headers; the runtime answers each with
// POST …/invocation/{id}/response or …/error (202 {"status":"OK"}); init failures go to
// POST …/runtime/init/error. An unknown request id is 400 InvalidRequestID.

import type { ContractRequest, ContractResponse, Route } from './server.js';

export interface LambdaRuntimeState {
  queue: { requestId: string; event: unknown }[];
  responses: Map<string, unknown>;
  errors: Map<string, { type: string | undefined; body: unknown }>;
  initErrors: unknown[];
  handedOut: Set<string>;
}

export function lambdaRuntimeState(events: unknown[]): LambdaRuntimeState {
  return {
    queue: events.map((event, i) => ({ requestId: `req-${i + 1}`, event })),
    responses: new Map(),
    errors: new Map(),
    initErrors: [],
    handedOut: new Set(),
  };
}

const ACCEPTED: ContractResponse = { status: 202, body: { status: 'OK' } };

function finish(state: LambdaRuntimeState, req: ContractRequest, record: () => void): ContractResponse {
  const id = req.params.id as string;
  if (!state.handedOut.has(id) || state.responses.has(id) || state.errors.has(id)) {
    return {
      status: 400,
      body: { errorMessage: `Invalid request ID: ${id}`, errorType: 'InvalidRequestID' },
    };
  }
  record();
  return ACCEPTED;
}

export function lambdaRuntimeRoutes(state: LambdaRuntimeState): Route[] {
  return [
    {
      method: 'GET',
      path: '/2018-06-01/runtime/invocation/next',
      handler: () => {
        const next = state.queue.shift();
        // The real API long-polls; an empty queue here means the test is over.
        if (!next)
          return { status: 500, body: { errorMessage: 'no more invocations', errorType: 'Runtime.Empty' } };
        state.handedOut.add(next.requestId);
        return {
          status: 200,
          headers: {
            'lambda-runtime-aws-request-id': next.requestId,
            'lambda-runtime-deadline-ms': String(Date.now() + 30_000),
            'lambda-runtime-invoked-function-arn':
              'arn:aws:lambda:us-east-1:123456789012:function:escher-runner',
            'lambda-runtime-trace-id':
              'Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1',
          },
          body: next.event as object,
        };
      },
    },
    {
      method: 'POST',
      path: '/2018-06-01/runtime/invocation/{id}/response',
      handler: (req) => finish(state, req, () => state.responses.set(req.params.id as string, req.json)),
    },
    {
      method: 'POST',
      path: '/2018-06-01/runtime/invocation/{id}/error',
      handler: (req) =>
        finish(state, req, () =>
          state.errors.set(req.params.id as string, {
            type: req.headers['lambda-runtime-function-error-type'] as string | undefined,
            body: req.json,
          }),
        ),
    },
    {
      method: 'POST',
      path: '/2018-06-01/runtime/init/error',
      handler: (req) => {
        state.initErrors.push(req.json);
        return ACCEPTED;
      },
    },
  ];
}
