// The compact context pack the laptop sends for "Ask me anything about this report":
// figures, finding ids, kinds, titles and savings, and why a section is missing — but no
// finding detail, no fix, no settings, and a fraction of the full report's size.

import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/report/render/formats.js';
import { contextPack } from '../../src/report/render/notification.js';
import { sampleReport } from './support/sample-report.js';

describe('the context pack', () => {
  it('carries figures and finding summaries, not details', async () => {
    const report = sampleReport();
    const pack = contextPack(report) as {
      report_id: string;
      cost: Record<string, unknown>;
      findings: Record<string, unknown>[];
      unavailable: string[];
    };
    expect(pack.report_id).toBe('report:2026-03-15');
    expect(pack.cost).toMatchObject({ yesterday: 1000.5, previous_day: 800, delta: 200.5 });
    expect(pack.findings.map((f) => Object.keys(f).sort())[0]).toEqual(
      ['cloud', 'id', 'kind', 'resource', 'saving', 'severity', 'status', 'title'].sort(),
    );
    expect(pack.unavailable).toEqual(['azure.cost: azure is not configured']);
    const text = await FORMATS.context(report);
    expect(JSON.parse(text)).toEqual(pack);
    expect(text).not.toContain('allUsers can read');
    expect(text.length).toBeLessThan(JSON.stringify(report).length / 2);
  });
});
