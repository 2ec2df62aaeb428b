import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotifier } from '../../src/notify/create-notifier.js';
import { NOTIFY_SECRETS, type NotifierConfig } from '../../src/notify/setup.js';
import { type ContractServer, startContractServer } from '../contract/server.js';
import { type SlackState, slackRoutes } from '../contract/slack.js';
import { type TeamsState, teamsRoutes } from '../contract/teams.js';
import { bucketFixed, collectingLogger } from './fixtures.js';
import { memorySecrets } from './memory-secrets.js';

const base: NotifierConfig = { emails: [], sms: [], slack: true, teams: true, pagerduty: false };
const slack: SlackState = { hooks: new Set(['T000/B000/XXXX']), received: [] };
const teams: TeamsState = { workflows: new Set(['wf1']), received: [] };
let server: ContractServer;

beforeAll(async () => {
  server = await startContractServer({ routes: [...slackRoutes(slack), ...teamsRoutes(teams)] });
});
afterAll(() => server.close());
beforeEach(() => {
  slack.received.length = 0;
  teams.received.length = 0;
  server.requests.length = 0;
});

const secrets = () =>
  memorySecrets({
    [NOTIFY_SECRETS.slack]: `${server.url}/services/T000/B000/XXXX`,
    [NOTIFY_SECRETS.teams]: `${server.url}/workflows/wf1/triggers/manual/paths/invoke?sig=teams-sig-canary`,
  });

describe('Slack channel', () => {
  it('posts Block Kit with the severity colour, bullets and link buttons', async () => {
    const notifier = createNotifier({ ...base, teams: false }, secrets(), { log: collectingLogger() });
    expect(await notifier.send(bucketFixed)).toEqual([{ channel: 'slack', ok: true }]);
    expect(slack.received[0]?.body).toEqual({
      text: "🚨 CRITICAL ALERT: S3 bucket 'my-data' made public",
      attachments: [
        {
          color: '#D32F2F',
          blocks: [
            {
              type: 'header',
              text: {
                type: 'plain_text',
                text: "🚨 CRITICAL ALERT: S3 bucket 'my-data' made public",
                emoji: true,
              },
            },
            {
              type: 'section',
              text: { type: 'mrkdwn', text: 'Escher automatically made the bucket private.' },
            },
            {
              type: 'section',
              text: {
                type: 'mrkdwn',
                text: '• Exposed for 2 minutes 17 seconds\n• Made public by john@company.com\n• Verification: bucket now private',
              },
            },
            {
              type: 'actions',
              elements: [
                {
                  type: 'button',
                  text: { type: 'plain_text', text: 'View Full Timeline' },
                  url: 'https://app.escher.example/alerts/alert-1',
                },
              ],
            },
            {
              type: 'context',
              elements: [{ type: 'mrkdwn', text: 'Escher · remediation · 2026-11-22T02:32:33.000Z' }],
            },
          ],
        },
      ],
    });
  });

  it('marks an auto-resolved incident in the headline and uses the HIGH colour for HIGH', async () => {
    const notifier = createNotifier({ ...base, teams: false }, secrets(), { log: collectingLogger() });
    await notifier.send({ ...bucketFixed, severity: 'HIGH', resolved: true });
    const body = slack.received[0]?.body as { text: string; attachments: { color: string }[] };
    expect(body.text).toBe("⚠️ HIGH ALERT - AUTO-RESOLVED: S3 bucket 'my-data' made public");
    expect(body.attachments[0]?.color).toBe('#F57C00');
  });

  it('reports a revoked webhook (404 no_service) without throwing', async () => {
    const revoked = memorySecrets({ [NOTIFY_SECRETS.slack]: `${server.url}/services/T000/B000/GONE` });
    const notifier = createNotifier({ ...base, teams: false }, revoked, { log: collectingLogger() });
    expect(await notifier.send(bucketFixed)).toEqual([
      { channel: 'slack', ok: false, error: 'slack: HTTP 404 no_service' },
    ]);
  });
});

describe('Teams channel', () => {
  it('posts one message whose attachment is an Adaptive Card coloured by severity', async () => {
    const notifier = createNotifier({ ...base, slack: false }, secrets(), { log: collectingLogger() });
    expect(await notifier.send(bucketFixed)).toEqual([{ channel: 'teams', ok: true }]);
    expect(teams.received[0]?.card).toEqual({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        {
          type: 'Container',
          style: 'attention',
          items: [
            {
              type: 'TextBlock',
              text: "🚨 CRITICAL ALERT: S3 bucket 'my-data' made public",
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
            },
          ],
        },
        { type: 'TextBlock', text: 'Escher automatically made the bucket private.', wrap: true },
        {
          type: 'TextBlock',
          text: '- Exposed for 2 minutes 17 seconds\n- Made public by john@company.com\n- Verification: bucket now private',
          wrap: true,
        },
        {
          type: 'TextBlock',
          text: 'Escher · remediation · 2026-11-22T02:32:33.000Z',
          isSubtle: true,
          size: 'Small',
          wrap: true,
        },
      ],
      actions: [
        {
          type: 'Action.OpenUrl',
          title: 'View Full Timeline',
          url: 'https://app.escher.example/alerts/alert-1',
        },
      ],
    });
  });

  it('keeps the webhook URL and its signature out of the body it sends', async () => {
    const notifier = createNotifier({ ...base, slack: false }, secrets(), { log: collectingLogger() });
    await notifier.send(bucketFixed);
    const teamsRequest = server.requests.find((r) => r.path.startsWith('/workflows/'));
    expect(teamsRequest?.text).not.toContain('teams-sig-canary');
    expect(teamsRequest?.query.get('sig')).toBe('teams-sig-canary');
  });
});
