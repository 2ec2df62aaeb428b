// The report as one self-contained HTML page: inline CSS, the seed's severity colours,
// an inline-SVG cost trend, no scripts and no external requests.

import type { Finding, Report } from '@escher/shared';
import { costDeltaText, usd } from '../analyse/summary.js';
import { runtimeHealthLines } from './runtime-health.js';
import {
  SECTION_TITLES,
  SEVERITY_COLOURS,
  sectionFindings,
  unavailableReasons,
  visibleSections,
} from './sections.js';
import { trendSvg } from './trend-chart.js';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font-family:system-ui,sans-serif;max-width:860px;margin:24px auto;color:#222}
h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px}
.f{border-left:6px solid;padding:6px 10px;margin:6px 0;background:#fafafa}
.sev{font-weight:bold;color:#fff;padding:1px 6px;border-radius:3px;font-size:12px}
.unavailable{background:#fff3e0;border:1px solid #f57c00;padding:6px 10px}
.q{color:#555;font-style:italic}`;

function finding(f: Finding): string {
  const colour = SEVERITY_COLOURS[f.severity];
  const saving = f.monthly_saving_usd !== undefined ? ` — saves ${usd(f.monthly_saving_usd)}/month` : '';
  const fix = f.fix ? ` <button disabled>${esc(f.fix.label)}</button>` : '';
  return `<div class="f" style="border-color:${colour}"><span class="sev" style="background:${colour}">${f.severity}</span> ${esc(f.title)}${esc(saving)}${f.status === 'new' ? ' <em>(new)</em>' : ''}${fix}<div>${esc(f.detail)}</div></div>`;
}

function cost(report: Report): string {
  const c = report.cost;
  if (!c) return '';
  const drivers = c.top_drivers
    .map(
      (d) =>
        `<li>${esc(d.service)} (${d.cloud}): ${usd(d.yesterday)} (${d.delta >= 0 ? '+' : '-'}${usd(Math.abs(d.delta))})</li>`,
    )
    .join('');
  return `<p>Yesterday: <b>${usd(c.yesterday)}</b> | Month to date: ${usd(c.month_to_date)}${c.budget ? ` | Budget: ${usd(c.budget.monthly)} (${c.budget.used_percent} %)` : ''}</p>
<p style="color:${c.above_threshold ? SEVERITY_COLOURS.CRITICAL : '#222'}">${esc(costDeltaText(c))}</p>
<ol>${drivers}</ol>${trendSvg(c.trend)}
<p>Potential savings: <b>${usd(report.totals.potential_monthly_savings_usd)}/month</b></p>`;
}

export function renderHtml(report: Report): string {
  const sections = visibleSections(report).map((s) => {
    const reasons = unavailableReasons(report, s)
      .map((r) => `<p class="unavailable">Unavailable — ${esc(r)}</p>`)
      .join('');
    const changes =
      s === 'changes'
        ? report.new_resources
            .map(
              (r) =>
                `<p>New ${esc(r.resource_type)} ${esc(r.name)} (${r.cloud})${r.created_by ? ` by ${esc(r.created_by)}` : ''}</p>`,
            )
            .join('') + report.resolved.map((f) => `<p>Resolved: ${esc(f.title)}</p>`).join('')
        : '';
    const body = sectionFindings(report, s).map(finding).join('');
    const runtime =
      s === 'health' && report.runtime_health
        ? `<div class="runtime">${runtimeHealthLines(report.runtime_health)
            .map((l) => `<p>${esc(l.replace(/^- /, ''))}</p>`)
            .join('')}</div>`
        : '';
    return `<section id="${s}"><h2>${SECTION_TITLES[s]}</h2>${reasons}${s === 'cost' ? cost(report) : ''}${changes}${runtime}${body}</section>`;
  });
  const questions = report.summary.questions.map((q) => `<li class="q">“${esc(q)}”</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Morning report ${report.date}</title><style>${STYLE}</style></head>
<body><h1>Morning report — ${report.date}</h1>
<p>Generated ${esc(report.generated_at)}${report.cost ? ` · cost data as of ${esc(report.cost.as_of)}` : ''}</p>
<p><b>${esc(report.summary.headline)}</b></p><ul>${report.summary.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>
${sections.join('\n')}
<section id="ask"><h2>Ask me anything about this report</h2><ul>${questions}</ul></section>
</body></html>
`;
}
