// Operational health includes the runtime's own last 24 hours: its alert records counted
// by severity and status, failed remediations as findings, and dead letters — read through
// RunnerState, seeded through the same interface.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunnerState } from '../../src/pipeline/state.js';
import { generateReport } from '../../src/report/generate.js';
import { renderHtml } from '../../src/report/render/html.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import { homeState } from '../support/state.js';

const NOW = new Date('2026-11-22T02:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

function alert(
  id: string,
  severity: string,
  status: string,
  at: string,
  actions: Record<string, unknown>[] = [],
): Record<string, unknown> {
  return {
    id,
    event: {
      event_id: id,
      cloud_provider: 'aws',
      account_id: '123456789012',
      region: 'eu-west-1',
      event_type: 'bucket_policy_changed',
      timestamp: at,
    },
    severity,
    severity_reason: 'test',
    enrichment: {},
    decision: [],
    actions,
    notifications: [],
    timeline: [
      { at, step: 'event', text: 'seen' },
      { at, step: 'commit', text: 'done' },
    ],
    status,
    dry_run: false,
  };
}

const failedStop = {
  operation_id: 'op-1',
  action: 'aws.ec2.stop_instance',
  target: { cloud: 'aws', account: '123456789012', region: 'eu-west-1', resource_id: 'i-0abc' },
  outcome: 'failed',
  reason: 'idle',
  started_at: hoursAgo(3),
  finished_at: hoursAgo(3),
  error: 'UnauthorizedOperation: not allowed to stop i-0abc',
};

async function seeded(): Promise<RunnerState> {
  const state = homeState(mkdtempSync(join(tmpdir(), 'report-runtime-')));
  await state.putRecord('alerts_events', 'alert:e1', alert('e1', 'CRITICAL', 'remediated', hoursAgo(1)));
  await state.putRecord(
    'alerts_events',
    'alert:e2',
    alert('e2', 'HIGH', 'failed', hoursAgo(3), [failedStop]),
  );
  await state.putRecord('alerts_events', 'alert:e3', alert('e3', 'MEDIUM', 'notified', hoursAgo(20)));
  // Older than 24 hours: not part of this morning's health.
  await state.putRecord('alerts_events', 'alert:old', alert('old', 'CRITICAL', 'failed', hoursAgo(30)));
  // Not an alert record: settings and incident index entries share the collection.
  await state.putRecord('alerts_events', 'incident:x', { at: hoursAgo(1) });
  await state.deadLetter('dl-1', {
    id: 'dl-1',
    at: hoursAgo(2),
    step: 'normalise',
    error: { name: 'InputError', message: 'unknown envelope', details: {} },
    retryable: false,
    raw_input: '{}',
  });
  await state.deadLetter('dl-old', {
    id: 'dl-old',
    at: hoursAgo(48),
    step: 'accept',
    error: { name: 'InputError', message: 'not JSON', details: {} },
    retryable: false,
    raw_input: 'x',
  });
  return state;
}

const deps = (state: RunnerState) => ({
  state,
  scopes: [],
  context: { metricCalls: { count: 0 } },
  clock: () => NOW,
  collectors: [],
});

describe('the report health section', () => {
  it("counts the runtime's alerts of the last 24 h and lists failed remediations and dead letters", async () => {
    const { report } = await generateReport(deps(await seeded()), { dryRun: true });
    expect(report.runtime_health).toEqual({
      since: hoursAgo(24),
      alerts: {
        total: 3,
        by_severity: { CRITICAL: 1, HIGH: 1, MEDIUM: 1, INFO: 0 },
        by_status: { remediated: 1, failed: 1, notified: 1 },
      },
      failed_remediations: [
        {
          alert_id: 'e2',
          action: 'aws.ec2.stop_instance',
          cloud: 'aws',
          account: '123456789012',
          resource_id: 'i-0abc',
          at: hoursAgo(3),
          error: 'UnauthorizedOperation: not allowed to stop i-0abc',
        },
      ],
      dead_letters: [{ id: 'dl-1', at: hoursAgo(2), step: 'normalise', error: 'unknown envelope' }],
    });
    expect(report.findings.filter((f) => f.section === 'health')).toMatchObject([
      {
        kind: 'runtime_alert',
        severity: 'HIGH',
        resource_id: 'i-0abc',
        title: 'Remediation aws.ec2.stop_instance failed on i-0abc',
        status: 'new',
      },
    ]);
  });

  it('shows the same figures in Markdown and HTML', async () => {
    const { report } = await generateReport(deps(await seeded()), { dryRun: true });
    const md = renderMarkdown(report);
    expect(md).toContain(
      "- Escher's own alerts, last 24 h: 3 (1 CRITICAL, 1 HIGH, 1 MEDIUM) — 1 failed, 1 notified, 1 remediated",
    );
    expect(md).toContain('- Dead-lettered triggers, last 24 h: 1');
    expect(md).toContain('- Dead letter dl-1 at normalise: unknown envelope');
    const html = renderHtml(report);
    expect(html).toContain(
      '<p>Failed remediation: aws.ec2.stop_instance on i-0abc (aws): UnauthorizedOperation: not allowed to stop i-0abc</p>',
    );
  });

  it('marks the runtime part unavailable with the reason when the state cannot be read', async () => {
    const state = await seeded();
    // The one fault the local store cannot produce on demand: a failing listing.
    const failing: RunnerState = {
      ...state,
      listRecords: async (collection, prefix) => {
        if (collection === 'alerts_events') throw new Error('state store unreachable');
        return state.listRecords(collection, prefix);
      },
    };
    const { report } = await generateReport(deps(failing), { dryRun: true });
    expect(report.runtime_health).toBeUndefined();
    expect(report.collectors).toEqual([
      {
        collector: 'runtime.alerts',
        section: 'health',
        cloud: 'runtime',
        account: '',
        status: 'unavailable',
        reason: 'state store unreachable',
      },
    ]);
  });
});
