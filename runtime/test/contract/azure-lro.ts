// Azure Resource Manager long-running operations for contract servers: an action answers
// 202 Accepted with `Azure-AsyncOperation`, `Location` and `Retry-After`; the operation
// status resource reports InProgress a set number of times, then Succeeded, and only then
// the change is applied. Contract: "Track asynchronous Azure operations" (Azure REST docs)
// and the ARM RPC "Asynchronous operations" section.

import { randomUUID } from 'node:crypto';
import type { ContractRequest, ContractResponse, Route } from './server.js';

interface Operation {
  id: string;
  left: number;
  startTime: string;
  done?: () => void;
  status: 'InProgress' | 'Succeeded';
}

export interface AzureLro {
  /** Starts an operation; `apply` runs when the status first reports Succeeded. */
  accept(req: ContractRequest, subscription: string, location: string, apply: () => void): ContractResponse;
  routes: Route[];
  /** Polls answered InProgress before Succeeded (default 2). */
  inProgressPolls: number;
}

const baseUrl = (req: ContractRequest) => `https://${req.headers.host ?? '127.0.0.1'}`;

export function azureLro(options: {
  provider: string;
  apiVersion: string;
  inProgressPolls?: number;
}): AzureLro {
  const operations = new Map<string, Operation>();
  const lro: AzureLro = {
    inProgressPolls: options.inProgressPolls ?? 2,
    accept(req, subscription, location, apply) {
      const id = randomUUID();
      operations.set(id, {
        id,
        left: lro.inProgressPolls,
        startTime: new Date().toISOString(),
        done: apply,
        status: 'InProgress',
      });
      const path = `/subscriptions/${subscription}/providers/${options.provider}/locations/${location}/operations/${id}`;
      return {
        status: 202,
        headers: {
          'Azure-AsyncOperation': `${baseUrl(req)}${path}?api-version=${options.apiVersion}`,
          Location: `${baseUrl(req)}${path}?monitor=true&api-version=${options.apiVersion}`,
          'Retry-After': '0',
        },
      };
    },
    routes: [
      {
        method: 'GET',
        path: `/subscriptions/{sub}/providers/${options.provider}/locations/{location}/operations/{operation}`,
        handler: (req): ContractResponse => {
          const op = operations.get(req.params.operation ?? '');
          if (!op)
            return { status: 404, body: { error: { code: 'NotFound', message: 'operation not found' } } };
          if (op.status === 'InProgress') {
            if (op.left > 0) op.left--;
            else {
              op.status = 'Succeeded';
              op.done?.();
              op.done = undefined;
            }
          }
          // The Location (monitor) URL answers 202 while running and 200 once finished.
          if (req.query.get('monitor') === 'true') {
            return op.status === 'Succeeded'
              ? { status: 200, body: '' }
              : { status: 202, headers: { 'Retry-After': '0' } };
          }
          return {
            status: 200,
            headers: op.status === 'InProgress' ? { 'Retry-After': '0' } : {},
            body: {
              name: op.id,
              status: op.status,
              startTime: op.startTime,
              ...(op.status === 'Succeeded' ? { endTime: new Date().toISOString() } : {}),
            },
          };
        },
      },
    ],
  };
  return lro;
}
