// The report as Markdown: what `escher report show` prints and chat tools paste.

import type { Report } from '@escher/shared';
import { costDeltaText, usd } from '../analyse/summary.js';
import { runtimeHealthLines } from './runtime-health.js';
import { SECTION_TITLES, sectionFindings, unavailableReasons, visibleSections } from './sections.js';

export function renderMarkdown(report: Report): string {
  const out = [
    `# Morning report — ${report.date}`,
    '',
    `Generated ${report.generated_at}${report.cost ? ` · cost data as of ${report.cost.as_of}` : ''}`,
    '',
    `**${report.summary.headline}**`,
    '',
    ...report.summary.bullets.map((b) => `- ${b}`),
  ];
  for (const section of visibleSections(report)) {
    out.push('', `## ${SECTION_TITLES[section]}`, '');
    for (const reason of unavailableReasons(report, section)) out.push(`> Unavailable — ${reason}`);
    if (section === 'cost' && report.cost) {
      const c = report.cost;
      out.push(
        `Yesterday: ${usd(c.yesterday)} | Month to date: ${usd(c.month_to_date)}${c.budget ? ` | Budget: ${usd(c.budget.monthly)} (${c.budget.used_percent} %, ${c.budget.status})` : ''}`,
        '',
        `${costDeltaText(c)}${c.above_threshold ? ' — above your threshold' : ''}`,
        '',
        ...c.top_drivers.map(
          (d, i) =>
            `${i + 1}. ${d.service} (${d.cloud}): ${usd(d.yesterday)} (${d.delta >= 0 ? '+' : '-'}${usd(Math.abs(d.delta))})`,
        ),
        '',
        `Potential savings: ${usd(report.totals.potential_monthly_savings_usd)}/month`,
      );
    }
    if (section === 'health' && report.runtime_health) out.push(...runtimeHealthLines(report.runtime_health));
    if (section === 'changes') {
      for (const r of report.new_resources) {
        out.push(
          `- New ${r.resource_type} ${r.name} (${r.cloud})${r.created_by ? ` by ${r.created_by}` : ''}${r.created_at ? ` at ${r.created_at}` : ''}`,
        );
      }
      for (const f of report.resolved) out.push(`- Resolved: ${f.title}`);
    }
    for (const f of sectionFindings(report, section)) {
      const saving = f.monthly_saving_usd !== undefined ? ` — saves ${usd(f.monthly_saving_usd)}/month` : '';
      out.push(`- **${f.severity}** ${f.title}${saving}${f.status === 'new' ? ' _(new)_' : ''}`);
    }
  }
  out.push(
    '',
    '## Ask me anything about this report',
    '',
    ...report.summary.questions.map((q) => `- "${q}"`),
  );
  return `${out.join('\n')}\n`;
}
