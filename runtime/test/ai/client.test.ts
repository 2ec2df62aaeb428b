import type { AnalysisRequest } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAiClient } from '../../src/ai/client.js';
import { AiContractError } from '../../src/ai/errors.js';
import { createLogger } from '../../src/log.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { type AiServer, startAiServer } from '../contract/ai-server.js';

const TOKEN = 'tok-ai-0123456789';
const request: AnalysisRequest = {
  request_id: 'aws.cloudtrail:evt-1',
  event: {
    event_id: 'aws.cloudtrail:evt-1',
    event_type: 'storage_public_access_granted',
    severity: 'CRITICAL',
    cloud_provider: 'aws',
    account_id: '123456789012',
    region: 'us-east-1',
    timestamp: '2026-11-22T02:32:15Z',
    resource: { type: 'object_storage', id: 'arn:aws:s3:::acme', name: 'acme', tags: {} },
  },
  context: { previous_incidents: [] },
  candidate_actions: ['aws.s3.block_public_access'],
  candidate_targets: ['arn:aws:s3:::acme'],
};

let server: AiServer;
beforeAll(async () => {
  server = await startAiServer(TOKEN);
});
afterAll(async () => {
  await server.close();
});

const client = (timeoutMs = 5000, maxAttempts = 3) =>
  createAiClient({
    url: server.url,
    timeoutMs,
    maxAttempts,
    token: async () => TOKEN,
    log: createLogger({ redactor: new Redactor(), sink: () => {} }),
    sleep: async () => {},
  });

describe('the AI client', () => {
  it('posts the request with the bearer token and returns the validated answer', async () => {
    server.behave('good');
    const before = server.requests.length;
    const { response, attempts } = await client().analyse(request);
    expect(attempts).toBe(1);
    expect(response.recommended_action).toBe('aws.s3.block_public_access');
    const sent = server.requests[before];
    expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent?.json).toEqual(request);
  });

  it('retries an HTTP 500 and succeeds on the next attempt', async () => {
    server.behave('good');
    server.injectFaults({ path: /analyses/, response: { status: 500, body: 'boom' } });
    const { attempts } = await client().analyse(request);
    expect(attempts).toBe(2);
  });

  it('gives up after the bounded attempts when every answer is HTTP 500', async () => {
    server.behave('http_500');
    await expect(client(5000, 3).analyse(request)).rejects.toMatchObject({
      name: 'AiUnavailableError',
      message: 'AI server unavailable after 3 attempts: HTTP 500',
    });
  });

  it('cuts a stalled answer at its timeout instead of waiting 30 s', async () => {
    server.behave('stall_30s');
    await expect(client(200, 1).analyse(request)).rejects.toMatchObject({
      name: 'AiUnavailableError',
      message: 'AI server unavailable after 1 attempts: no answer within 200 ms',
    });
  });

  it('refuses malformed JSON without retrying', async () => {
    server.behave('malformed_json');
    const before = server.requests.length;
    await expect(client().analyse(request)).rejects.toMatchObject({
      name: 'AiContractError',
      message: 'AI server answered with malformed JSON',
    });
    expect(server.requests.length - before).toBe(1);
  });

  it('refuses an action outside the catalog', async () => {
    server.behave('outside_catalog');
    await expect(client().analyse(request)).rejects.toBeInstanceOf(AiContractError);
    await expect(client().analyse(request)).rejects.toThrow(/invalid at recommended_action/);
  });
});
