import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BannerRecord } from '../../src/notify/channels/banner.js';
import { createNotifier } from '../../src/notify/create-notifier.js';
import { NOTIFY_SECRETS, type NotifierConfig } from '../../src/notify/setup.js';
import { type PagerDutyState, pagerdutyRoutes } from '../contract/pagerduty.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { type SlackState, slackRoutes } from '../contract/slack.js';
import { bucketFixed, collectingLogger } from './fixtures.js';
import { memorySecrets } from './memory-secrets.js';

const config: NotifierConfig = { emails: [], sms: [], slack: true, teams: false, pagerduty: true };
const slack: SlackState = { hooks: new Set(['T1/B1/hooksecret-canary']), received: [] };
const pd: PagerDutyState = { routingKeys: new Set(['pd-key-canary']), alerts: new Map(), events: [] };
let server: ContractServer;
let banners: BannerRecord[];

beforeAll(async () => {
  server = await startContractServer({ routes: [...slackRoutes(slack), ...pagerdutyRoutes(pd)] });
});
afterAll(() => server.close());
beforeEach(() => {
  slack.received.length = 0;
  pd.events.length = 0;
  server.requests.length = 0;
  banners = [];
});

function notifier(deadlineMs?: number) {
  const secrets = memorySecrets({
    [NOTIFY_SECRETS.slack]: `${server.url}/services/T1/B1/hooksecret-canary`,
    [NOTIFY_SECRETS.pagerduty]: 'pd-key-canary',
  });
  const log = collectingLogger();
  const sink = { put: async (record: BannerRecord) => void banners.push(record) };
  return {
    log,
    notifier: createNotifier(config, secrets, {
      log,
      banners: sink,
      pagerdutyUrl: server.url,
      http: { sleep: async () => {}, timeoutMs: 1500, retries: 0 },
      ...(deadlineMs ? { deadlineMs } : {}),
    }),
  };
}

describe('notifier', () => {
  it('delivers a CRITICAL notification to every configured channel it routes to', async () => {
    const results = await notifier().notifier.send(bucketFixed);
    expect(results).toEqual([
      { channel: 'slack', ok: true },
      { channel: 'pagerduty', ok: true },
      { channel: 'banner', ok: true },
    ]);
  });

  it('keeps MEDIUM to the banner only', async () => {
    const results = await notifier().notifier.send({ ...bucketFixed, severity: 'MEDIUM' });
    expect(results).toEqual([{ channel: 'banner', ok: true }]);
    expect(server.requests).toHaveLength(0);
    expect(banners[0]).toMatchObject({
      id: `banner:${bucketFixed.dedup_key}`,
      severity: 'MEDIUM',
      show: 'banner',
    });
  });

  it('keeps INFO for the morning report instead of a banner', async () => {
    await notifier().notifier.send({ ...bucketFixed, severity: 'INFO' });
    expect(banners.map((b) => b.show)).toEqual(['morning_report']);
  });

  it('a failing channel does not stop the others', async () => {
    server.injectFaults({ path: /\/services\//, response: { status: 500, body: 'rollup_error' } });
    const results = await notifier().notifier.send(bucketFixed);
    expect(results).toEqual([
      { channel: 'slack', ok: false, error: 'slack: HTTP 500 rollup_error' },
      { channel: 'pagerduty', ok: true },
      { channel: 'banner', ok: true },
    ]);
    expect(pd.events).toHaveLength(1);
  });

  it('a stalled channel is cut off by its timeout while the others succeed', async () => {
    server.injectFaults({ path: /\/v2\/enqueue/, response: { status: 202, body: {}, delayMs: 10_000 } });
    const results = await notifier().notifier.send(bucketFixed);
    expect(results[1]).toEqual({
      channel: 'pagerduty',
      ok: false,
      error: 'pagerduty: request failed (TimeoutError)',
    });
    expect(results[0]).toEqual({ channel: 'slack', ok: true });
  });

  it('a throwing banner sink fails only the banner', async () => {
    const log = collectingLogger();
    const broken = createNotifier({ ...config, slack: false, pagerduty: false }, memorySecrets(), {
      log,
      banners: { put: async () => Promise.reject(new Error('state store unavailable')) },
    });
    expect(await broken.send(bucketFixed)).toEqual([
      { channel: 'banner', ok: false, error: 'state store unavailable' },
    ]);
  });

  it('returns a result instead of throwing for an invalid notification', async () => {
    const results = await notifier().notifier.send({ ...bucketFixed, title: '' });
    expect(results).toEqual([
      {
        channel: 'notifier',
        ok: false,
        error: 'invalid notification: title: Too small: expected string to have >=1 characters',
      },
    ]);
  });

  it("never writes webhook URLs or routing keys into logs or other channels' bodies", async () => {
    const { notifier: n, log } = notifier();
    server.injectFaults({ path: /\/services\//, response: { status: 404, body: 'no_service' } });
    await n.send(bucketFixed);
    for (const line of log.lines) {
      expect(line).not.toContain('hooksecret-canary');
      expect(line).not.toContain('pd-key-canary');
    }
    const slackBodies = server.requests.filter((r) => r.path.startsWith('/services/')).map((r) => r.text);
    for (const body of slackBodies) expect(body).not.toContain('pd-key-canary');
  });
});
