// What every Compute Engine contract route family shares: the 404 error body, and
// long-running Operation resources ("Operation", "zoneOperations.get / wait",
// "globalOperations.get / wait") that answer RUNNING for a set number of polls, then
// apply their change and report DONE. A `wait` call advances one step, as the real one
// returns when the operation is DONE or after a while.

import type { ContractResponse, Route } from './server.js';

export const COMPUTE_ROOT = 'https://compute.googleapis.com/compute/v1';

export const notFound = (what: string): ContractResponse => ({
  status: 404,
  body: {
    error: {
      code: 404,
      message: `The resource '${what}' was not found`,
      errors: [{ reason: 'notFound', message: `The resource '${what}' was not found` }],
    },
  },
});

interface PendingOperation {
  body: Record<string, unknown>;
  left: number;
  apply: () => void;
}

export interface OperationStart {
  /** Where the operation lives: "projects/p/zones/z" or "projects/p/global". */
  scope: string;
  /** The Operation body fields besides name, status, progress and selfLink. */
  fields: Record<string, unknown>;
  /** Polls answered RUNNING before the change lands. */
  inProgressPolls: number;
  apply: () => void;
}

export interface Operations {
  /** Registers a PENDING operation and returns its body, as the mutating call answers. */
  start(op: OperationStart, root?: string): Record<string, unknown>;
  /** get and wait routes under `/compute/v1/<scopePattern>/operations/{operation}`, with route params naming the scope. */
  routes(scopePattern: string, scopeOf: (params: Record<string, string>) => string): Route[];
}

export function computeOperations(): Operations {
  const operations = new Map<string, PendingOperation>();
  let counter = 0;
  const advance = (op: PendingOperation) => {
    if (op.body.status === 'DONE') return;
    if (op.left > 0) {
      op.left--;
      op.body.status = 'RUNNING';
      return;
    }
    op.apply();
    Object.assign(op.body, { status: 'DONE', progress: 100, endTime: new Date().toISOString() });
  };
  return {
    start({ scope, fields, inProgressPolls, apply }, root = COMPUTE_ROOT) {
      const name = `operation-${Date.now()}-${++counter}`;
      const body: Record<string, unknown> = {
        kind: 'compute#operation',
        id: String(1_000_000 + counter),
        name,
        ...fields,
        status: 'PENDING',
        progress: 0,
        insertTime: new Date().toISOString(),
        selfLink: `${root}/${scope}/operations/${name}`,
      };
      operations.set(`${scope}/operations/${name}`, { body, left: inProgressPolls, apply });
      return body;
    },
    routes(scopePattern, scopeOf) {
      const route = (suffix: string): Route => ({
        method: suffix ? 'POST' : 'GET',
        path: `/compute/v1/${scopePattern}/operations/{operation}${suffix}`,
        handler: (req) => {
          const op = operations.get(`${scopeOf(req.params)}/operations/${req.params.operation}`);
          if (!op) return notFound(req.path);
          advance(op);
          return { status: 200, body: op.body };
        },
      });
      return [route(''), route('/wait')];
    },
  };
}
