// The deterministic summary: what the report says when no AI server answers. Priorities
// follow the user's focus; questions come from the findings themselves.

import type { CostSummary, Finding, ReportSettings, ReportSummary, Severity } from '@escher/shared';

const RANK: Record<Severity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, INFO: 3 };
const FOCUS_SECTION: Record<ReportSettings['focus'], string | undefined> = {
  balanced: undefined,
  cost: 'optimisation',
  security: 'security',
  operational: 'health',
};

export const usd = (n: number): string =>
  `${n < 0 ? '-' : ''}$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function costDeltaText(c: CostSummary): string {
  const sign = c.delta >= 0 ? '+' : '-';
  const pct = c.delta_percent !== undefined ? ` (${sign}${Math.abs(c.delta_percent).toFixed(1)} %)` : '';
  return `${sign}${usd(Math.abs(c.delta))}${pct} vs previous day`;
}

export function prioritise(findings: Finding[], focus: ReportSettings['focus']): Finding[] {
  const favoured = FOCUS_SECTION[focus];
  return [...findings].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      Number(b.section === favoured) - Number(a.section === favoured) ||
      Number(b.status === 'new') - Number(a.status === 'new') ||
      (b.monthly_saving_usd ?? 0) - (a.monthly_saving_usd ?? 0) ||
      a.id.localeCompare(b.id),
  );
}

export function builtinSummary(
  findings: Finding[],
  cost: CostSummary | undefined,
  savings: number,
  settings: ReportSettings,
): ReportSummary {
  const ordered = prioritise(findings, settings.focus);
  const critical = findings.filter((f) => f.severity === 'CRITICAL').length;
  const fresh = findings.filter((f) => f.status === 'new').length;
  const headline = cost
    ? `Yesterday ${usd(cost.yesterday)}, ${costDeltaText(cost)}; ${findings.length} findings (${critical} critical)`
    : `${findings.length} findings (${critical} critical); cost data unavailable`;
  const bullets = [
    ...(cost?.top_drivers[0]
      ? [`Top cost driver: ${cost.top_drivers[0].service} ${usd(cost.top_drivers[0].yesterday)}`]
      : []),
    `${fresh} new since the previous report`,
    `Potential savings: ${usd(savings)}/month`,
  ];
  const questions = [
    ...(cost && cost.delta !== 0 ? [`Why did spending change ${costDeltaText(cost)}?`] : []),
    ...new Set(ordered.flatMap((f) => f.questions)),
  ].slice(0, 5);
  return {
    headline,
    bullets,
    priorities: ordered.slice(0, 10).map((f) => f.id),
    questions,
    source: 'builtin',
  };
}
