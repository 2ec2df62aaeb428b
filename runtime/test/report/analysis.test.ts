// The pure analysis and renderers: customisation from alerts_events, thresholds, focus,
// the report diff, CSV quoting and the JSON Schema export.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportSchema, ReportSettingsSchema, reportJsonSchema } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/analyse/build-report.js';
import { diffReports } from '../../src/report/analyse/report-diff.js';
import { renderCsv } from '../../src/report/render/csv.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import { readReportSettings, writeReportSettings } from '../../src/report/report-store.js';
import { homeState } from '../support/state.js';
import { NOW, OBSERVED, sampleReport } from './support/sample-report.js';

describe('report analysis', () => {
  it('builds a report that parses with the canonical schema', () => {
    const report = sampleReport();
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.summary.priorities[0]).toBe('public_bucket:gcp:proj-1:b1');
    expect(reportJsonSchema()).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['id', 'findings']),
    });
  });

  it('refuses a report with an unknown finding kind', () => {
    const bad = { ...sampleReport(), findings: [{ ...sampleReport().findings[0], kind: 'made_up' }] };
    expect(ReportSchema.safeParse(bad).success).toBe(false);
  });

  it("follows the user's thresholds and sections from alerts_events", async () => {
    const state = homeState(mkdtempSync(join(tmpdir(), 'report-settings-')));
    await writeReportSettings(
      state,
      ReportSettingsSchema.parse({
        sections: ['cost', 'optimisation'],
        thresholds: { idle_cpu_percent: 0.5 },
        format: 'executive',
      }),
    );
    const settings = await readReportSettings(state);
    const report = buildReport({ date: '2026-03-15', now: NOW, settings, observed: OBSERVED, statuses: [] });
    // CPU 1 % is not idle below a 0.5 % threshold; t3.large at 1 % is over-provisioned instead.
    expect(report.findings.map((f) => f.kind).sort()).toEqual([
      'cost_spike',
      'overprovisioned_instance',
      'public_bucket',
    ]);
    const md = renderMarkdown(report);
    expect(md).toContain('## Cost summary');
    expect(md).not.toContain('## Security & compliance');
  });

  it('rejects settings that are out of range, naming the field', async () => {
    const state = homeState(mkdtempSync(join(tmpdir(), 'report-settings-')));
    await state.putRecord('alerts_events', 'settings:report', {
      settings: { thresholds: { idle_cpu_percent: 500 } },
    });
    await expect(readReportSettings(state)).rejects.toThrow('report settings: thresholds.idle_cpu_percent');
  });

  it('diffs two reports: cost change, findings that appeared and went away', () => {
    const a = sampleReport();
    const b = { ...a, date: '2026-03-16', findings: a.findings.filter((f) => f.kind !== 'public_bucket') };
    expect(diffReports(a, b)).toMatchObject({
      from: '2026-03-15',
      to: '2026-03-16',
      cost_change: 0,
      appeared: [],
    });
    expect(diffReports(a, b).disappeared.map((f) => f.id)).toEqual(['public_bucket:gcp:proj-1:b1']);
  });

  it('writes findings as CSV with RFC 4180 quoting', () => {
    const lines = renderCsv(sampleReport()).split('\r\n');
    expect(lines[0]).toBe(
      'id,status,severity,section,kind,cloud,account,region,resource_id,resource_name,title,monthly_saving_usd,fix',
    );
    expect(lines).toContain(
      'idle_instance:aws:111111111111:i-idle,new,MEDIUM,optimisation,idle_instance,aws,111111111111,us-east-1,i-idle,idle <dev>,idle <dev> idle: CPU 1.0 % over 7 days,60.74,aws.ec2.stop_instance',
    );
    expect(lines).toHaveLength(5);
  });
});
