// A small local HTTP receiver standing in for the user's webhook endpoint: it keeps every
// notification the runner posts and checks its signature, as a real receiver must.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../src/notify/channels/webhook.js';

export interface Received {
  body: {
    notification: { title: string; severity: string; resolved: boolean; lines: string[]; summary: string };
  };
  signatureValid: boolean;
}

export async function startWebhookReceiver(secret: string) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers[TIMESTAMP_HEADER] ?? '');
      const signatureValid = req.headers[SIGNATURE_HEADER] === signWebhook(secret, timestamp, text);
      received.push({ body: JSON.parse(text), signatureValid });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/escher-hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
