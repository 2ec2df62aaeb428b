// A receiver for Escher's generic signed webhook, as a user would write one: it checks the
// HMAC-SHA256 signature over "<timestamp>.<body>" in constant time and answers 401 when it
// does not match, 204 when it accepts.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ContractRequest, Route } from './server.js';

export interface WebhookState {
  secret: string;
  received: { headers: ContractRequest['headers']; body: unknown }[];
}

function signatureMatches(secret: string, req: ContractRequest): boolean {
  const timestamp = req.headers['x-escher-timestamp'];
  const signature = req.headers['x-escher-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  const expected = Buffer.from(
    `v1=${createHmac('sha256', secret).update(`${timestamp}.${req.text}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function webhookRoutes(state: WebhookState): Route[] {
  return [
    {
      method: 'POST',
      path: '/hooks/escher',
      handler: (req: ContractRequest) => {
        if (!signatureMatches(state.secret, req)) return { status: 401, body: { error: 'bad signature' } };
        state.received.push({ headers: req.headers, body: req.json });
        return { status: 204 };
      },
    },
  ];
}
