import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotifier } from '../../src/notify/create-notifier.js';
import { NOTIFY_SECRETS, type NotifierConfig } from '../../src/notify/setup.js';
import { type PagerDutyState, pagerdutyRoutes } from '../contract/pagerduty.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { bucketFixed, collectingLogger } from './fixtures.js';
import { memorySecrets } from './memory-secrets.js';

const config: NotifierConfig = { emails: [], sms: [], slack: false, teams: false, pagerduty: true };
const ROUTING_KEY = 'R0UTINGKEY0000000000000000000000';
const pd: PagerDutyState = { routingKeys: new Set([ROUTING_KEY]), alerts: new Map(), events: [] };
let server: ContractServer;

beforeAll(async () => {
  server = await startContractServer({ routes: pagerdutyRoutes(pd) });
});
afterAll(() => server.close());
beforeEach(() => {
  pd.alerts.clear();
  pd.events.length = 0;
  server.requests.length = 0;
});

const notifierWith = (key = ROUTING_KEY, sleeps: number[] = []) =>
  createNotifier(config, memorySecrets({ [NOTIFY_SECRETS.pagerduty]: key }), {
    log: collectingLogger(),
    pagerdutyUrl: server.url,
    http: { sleep: async (ms) => void sleeps.push(ms) },
  });

describe('PagerDuty channel', () => {
  it('triggers an alert keyed by the incident dedup_key with the mapped severity', async () => {
    expect(await notifierWith().send(bucketFixed)).toEqual([{ channel: 'pagerduty', ok: true }]);
    expect(pd.events[0]).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: 'alert-aws-123456789012-s3-my-data-20261122T023215Z',
      payload: {
        summary: "S3 bucket 'my-data' made public: Escher automatically made the bucket private.",
        source: 'escher-runner',
        severity: 'critical',
        timestamp: '2026-11-22T02:32:33.000Z',
        component: 'remediation',
        custom_details: {
          lines: [
            'Exposed for 2 minutes 17 seconds',
            'Made public by john@company.com',
            'Verification: bucket now private',
          ],
        },
      },
      links: [{ href: 'https://app.escher.example/alerts/alert-1', text: 'View Full Timeline' }],
    });
    expect(pd.alerts.get(bucketFixed.dedup_key)).toBe('triggered');
  });

  it('delivering the same incident twice leaves one open alert', async () => {
    await notifierWith().send(bucketFixed);
    await notifierWith().send(bucketFixed);
    expect([...pd.alerts.entries()]).toEqual([[bucketFixed.dedup_key, 'triggered']]);
  });

  it('resolves the alert when the incident is resolved', async () => {
    await notifierWith().send(bucketFixed);
    await notifierWith().send({ ...bucketFixed, resolved: true });
    expect(pd.events[1]).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'resolve',
      dedup_key: bucketFixed.dedup_key,
    });
    expect(pd.alerts.get(bucketFixed.dedup_key)).toBe('resolved');
  });

  it("reports an invalid routing key with PagerDuty's own error", async () => {
    const [result] = await notifierWith('wrong-key').send(bucketFixed);
    expect(result).toEqual({
      channel: 'pagerduty',
      ok: false,
      error:
        'pagerduty: HTTP 400 {"status":"invalid event","message":"Event object is invalid","errors":["Invalid routing key"]}',
    });
  });

  it('retries a 429 after the Retry-After delay and then succeeds', async () => {
    server.injectFaults({
      path: /\/v2\/enqueue/,
      response: { status: 429, headers: { 'retry-after': '3' }, body: {} },
    });
    const sleeps: number[] = [];
    expect(await notifierWith(ROUTING_KEY, sleeps).send(bucketFixed)).toEqual([
      { channel: 'pagerduty', ok: true },
    ]);
    expect(sleeps).toEqual([3000]);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after three attempts of 503', async () => {
    const fault = { path: /\/v2\/enqueue/, response: { status: 503, body: 'unavailable' } };
    server.injectFaults(fault, fault, fault);
    const sleeps: number[] = [];
    const [result] = await notifierWith(ROUTING_KEY, sleeps).send(bucketFixed);
    expect(result).toEqual({ channel: 'pagerduty', ok: false, error: 'pagerduty: HTTP 503 unavailable' });
    expect(sleeps).toEqual([250, 500]);
    expect(pd.events).toHaveLength(0);
  });
});
