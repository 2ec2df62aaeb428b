import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/notify/channels/webhook.js';
import { createNotifier } from '../../src/notify/create-notifier.js';
import { NOTIFY_SECRETS, type NotifierConfig } from '../../src/notify/setup.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { type WebhookState, webhookRoutes } from '../contract/webhook.js';
import { bucketFixed, collectingLogger } from './fixtures.js';
import { memorySecrets } from './memory-secrets.js';

const config: NotifierConfig = {
  emails: [],
  sms: [],
  slack: false,
  teams: false,
  pagerduty: false,
  webhook: true,
};
const SECRET = 'whsec-canary-7f3a9c';
const hook: WebhookState = { secret: SECRET, received: [] };
let server: ContractServer;

beforeAll(async () => {
  server = await startContractServer({ routes: webhookRoutes(hook) });
});
afterAll(() => server.close());
beforeEach(() => {
  hook.received.length = 0;
  server.requests.length = 0;
});

const clock = () => new Date('2026-11-22T02:32:34.000Z');

describe('generic webhook channel', () => {
  it('posts the notification signed with HMAC-SHA256 over timestamp and body', async () => {
    const secrets = memorySecrets({
      [NOTIFY_SECRETS.webhookUrl]: `${server.url}/hooks/escher`,
      [NOTIFY_SECRETS.webhookSecret]: SECRET,
    });
    const notifier = createNotifier(config, secrets, { log: collectingLogger(), clock });
    expect(await notifier.send(bucketFixed)).toEqual([{ channel: 'webhook', ok: true }]);
    const request = server.requests[0];
    expect(request?.headers['x-escher-timestamp']).toBe('1795314754');
    expect(request?.headers['x-escher-signature']).toBe(
      signWebhook(SECRET, '1795314754', request?.text ?? ''),
    );
    expect(hook.received[0]?.body).toEqual({
      type: 'escher.notification',
      version: 1,
      notification: { ...bucketFixed },
    });
  });

  it('never puts the shared secret in the body', async () => {
    const secrets = memorySecrets({
      [NOTIFY_SECRETS.webhookUrl]: `${server.url}/hooks/escher`,
      [NOTIFY_SECRETS.webhookSecret]: SECRET,
    });
    await createNotifier(config, secrets, { log: collectingLogger(), clock }).send(bucketFixed);
    expect(server.requests[0]?.text).not.toContain(SECRET);
  });

  it('fails the channel when the receiver rejects the signature', async () => {
    const secrets = memorySecrets({
      [NOTIFY_SECRETS.webhookUrl]: `${server.url}/hooks/escher`,
      [NOTIFY_SECRETS.webhookSecret]: 'other-secret',
    });
    const [result] = await createNotifier(config, secrets, { log: collectingLogger(), clock }).send(
      bucketFixed,
    );
    expect(result).toEqual({
      channel: 'webhook',
      ok: false,
      error: 'webhook: HTTP 401 {"error":"bad signature"}',
    });
    expect(hook.received).toHaveLength(0);
  });

  it('names the missing secret when the webhook is enabled but not set up', async () => {
    const [result] = await createNotifier(config, memorySecrets(), { log: collectingLogger(), clock }).send(
      bucketFixed,
    );
    expect(result).toEqual({
      channel: 'webhook',
      ok: false,
      error: 'webhook: secret escher/notify/webhook_url is not set',
    });
  });
});
