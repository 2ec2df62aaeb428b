// The report summary from the AI server (contract server on loopback): a good answer is
// used and recorded as the AI's; a malformed answer, HTTP 500, a stall or a ranking of
// findings the report does not have fall back to the built-in summary with the reason, and
// the report is still complete and stored. The request carries figures and finding ids
// only: a canary secret in a resource's name and detail never reaches the server.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportSummaryRequestSchema } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAiClient } from '../../src/ai/client.js';
import { createLogger } from '../../src/log.js';
import type { Collector } from '../../src/report/collectors/collector.js';
import { generateReport } from '../../src/report/generate.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { type AiBehaviour, type AiServer, startAiServer } from '../contract/ai-server.js';
import { homeState } from '../support/state.js';

const TOKEN = 'tok-report-ai-42';
const CANARY = 'canary-secret-7f3a9c';
const NOW = new Date('2026-11-22T02:00:00.000Z');

// Facts as a cloud would report them, with the canary where resource content could carry it.
const facts: Collector[] = [
  {
    name: 'aws.security',
    cloud: 'aws',
    section: 'security',
    collect: async () => ({
      section: 'security',
      exposures: [
        {
          kind: 'public_bucket',
          resource_id: 'arn:aws:s3:::acme-data',
          name: `acme-data ${CANARY}`,
          region: 'us-east-1',
          detail: `policy grants s3:GetObject to * (${CANARY})`,
        },
        {
          kind: 'open_admin_port',
          resource_id: 'sg-0123',
          name: 'bastion',
          region: 'us-east-1',
          detail: 'port 22 open to 0.0.0.0/0',
        },
      ],
      volumes: [],
    }),
  },
];

let server: AiServer;
beforeAll(async () => {
  server = await startAiServer(TOKEN);
});
afterAll(async () => {
  await server.close();
});

function deps(timeoutMs = 5000) {
  const log = createLogger({ redactor: new Redactor(), sink: () => {} });
  return {
    state: homeState(mkdtempSync(join(tmpdir(), 'report-ai-'))),
    scopes: [{ cloud: 'aws' as const, account: '123456789012', region: 'us-east-1' }],
    context: { metricCalls: { count: 0 } },
    clock: () => NOW,
    collectors: facts,
    log,
    ai: createAiClient({
      url: server.url,
      timeoutMs,
      maxAttempts: 2,
      token: async () => TOKEN,
      log,
      sleep: async () => {},
    }),
  };
}

async function generateWith(behaviour: AiBehaviour, timeoutMs?: number) {
  server.behave(behaviour);
  const d = deps(timeoutMs);
  const result = await generateReport(d);
  return { ...result, stored: await d.state.getRecord('immutable_reports', result.report.id) };
}

describe('the report summary', () => {
  it("uses the AI server's answer and records that the AI answered", async () => {
    const { report, stored } = await generateWith('good');
    const ids = report.findings.map((f) => f.id);
    expect(ids).toEqual([
      'open_admin_port:aws:123456789012:sg-0123',
      'public_bucket:aws:123456789012:arn:aws:s3:::acme-data',
    ]);
    expect(report.summary).toEqual({
      headline: 'AI: 2 findings, 1 critical, spend unknown vs previous day',
      bullets: ['AI: fix the critical findings first'],
      priorities: [...ids].reverse(),
      questions: ['AI: what changed since yesterday?'],
      source: 'ai',
    });
    expect(stored).toMatchObject({ summary: { source: 'ai' } });
  });

  it.each([
    ['malformed_json', 'AI server answered with malformed JSON'],
    ['http_500', 'AI server unavailable after 2 attempts: HTTP 500'],
    ['stall_30s', 'AI server unavailable after 2 attempts: no answer within 300 ms'],
    ['wider_targets', 'answer ranks findings the report does not have: public_bucket:aws:0:invented'],
  ] as const)(
    'falls back to the built-in summary on %s and still stores a complete report',
    async (behaviour, reason) => {
      const { report, stored } = await generateWith(behaviour, 300);
      expect(report.summary.source).toBe('builtin');
      expect(report.summary.fallback_reason).toBe(reason);
      expect(report.summary.headline).toBe('2 findings (1 critical); cost data unavailable');
      // The built-in order: CRITICAL public bucket before the HIGH open port.
      expect(report.summary.priorities).toEqual([
        'public_bucket:aws:123456789012:arn:aws:s3:::acme-data',
        'open_admin_port:aws:123456789012:sg-0123',
      ]);
      expect(report.findings).toHaveLength(2);
      expect(stored).toMatchObject({
        id: report.id,
        summary: { source: 'builtin', fallback_reason: reason },
      });
    },
  );

  it('sends figures and finding ids only: the canary never leaves, and every body fits the contract', async () => {
    await generateWith('good');
    const bodies = server.requests.filter((r) => r.path === '/v1/report-summaries');
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) {
      expect(body.text).not.toContain(CANARY);
      expect(body.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(ReportSummaryRequestSchema.safeParse(body.json).success).toBe(true);
    }
  });

  it('is the built-in summary, with no fallback reason, when no AI server is configured', async () => {
    const d = { ...deps(), ai: undefined };
    const { report } = await generateReport(d, { dryRun: true });
    expect(report.summary.source).toBe('builtin');
    expect(report.summary.fallback_reason).toBeUndefined();
  });
});
