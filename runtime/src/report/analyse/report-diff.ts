// Two stored reports compared (`escher report diff D1 D2`): how yesterday's cost moved
// between them and which findings appeared or went away.

import type { Report } from '@escher/shared';
import { round2 } from './draft.js';
import { usd } from './summary.js';

export interface ReportDiff {
  from: string;
  to: string;
  cost_change?: number;
  savings_change: number;
  appeared: Report['findings'];
  disappeared: Report['findings'];
}

export function diffReports(a: Report, b: Report): ReportDiff {
  const inA = new Set(a.findings.map((f) => f.id));
  const inB = new Set(b.findings.map((f) => f.id));
  return {
    from: a.date,
    to: b.date,
    ...(a.cost && b.cost ? { cost_change: round2(b.cost.yesterday - a.cost.yesterday) } : {}),
    savings_change: round2(b.totals.potential_monthly_savings_usd - a.totals.potential_monthly_savings_usd),
    appeared: b.findings.filter((f) => !inA.has(f.id)),
    disappeared: a.findings.filter((f) => !inB.has(f.id)),
  };
}

export function renderDiff(d: ReportDiff): string {
  const sign = (n: number) => `${n >= 0 ? '+' : '-'}${usd(Math.abs(n))}`;
  return [
    `# Report diff ${d.from} → ${d.to}`,
    '',
    `Daily cost: ${d.cost_change === undefined ? 'unavailable in one of the reports' : sign(d.cost_change)}`,
    `Potential savings: ${sign(d.savings_change)}/month`,
    '',
    `## Appeared (${d.appeared.length})`,
    ...d.appeared.map((f) => `- ${f.severity} ${f.title}`),
    '',
    `## Gone (${d.disappeared.length})`,
    ...d.disappeared.map((f) => `- ${f.severity} ${f.title}`),
    '',
  ].join('\n');
}
