import { describe, expect, it } from 'vitest';
import { routeFor, SEVERITY_ROUTES } from '../../src/notify/routing.js';

const all = new Set(['email', 'sms', 'slack', 'teams', 'pagerduty', 'webhook', 'banner']);

describe('severity routing', () => {
  it('pages CRITICAL everywhere: email, SMS, Slack, PagerDuty, Teams, webhook and the banner', () => {
    expect(routeFor('CRITICAL', all)).toEqual([
      'email',
      'sms',
      'slack',
      'pagerduty',
      'teams',
      'webhook',
      'banner',
    ]);
  });

  it('sends HIGH to email and chat but never SMS or PagerDuty', () => {
    expect(routeFor('HIGH', all)).toEqual(['email', 'slack', 'teams', 'banner']);
  });

  it('keeps MEDIUM and INFO on the laptop banner only', () => {
    expect(routeFor('MEDIUM', all)).toEqual(['banner']);
    expect(routeFor('INFO', all)).toEqual(['banner']);
  });

  it('drops channels that are not configured', () => {
    expect(routeFor('CRITICAL', new Set(['slack', 'banner']))).toEqual(['slack', 'banner']);
    expect(routeFor('HIGH', new Set(['sms', 'pagerduty']))).toEqual([]);
  });

  it('routes every severity somewhere', () => {
    for (const routes of Object.values(SEVERITY_ROUTES)) expect(routes).toContain('banner');
  });
});
