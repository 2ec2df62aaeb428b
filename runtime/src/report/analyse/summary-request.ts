// The report-summary request for the AI server, built from an allow-list: figures, finding
// ids and types only. No title, name, detail, tag, question or other free text of the
// report is copied, so nothing a resource carries (or a secret inside it) can leave.

import type { Report, ReportSectionName, ReportSummaryRequest } from '@escher/shared';

const MAX_FINDINGS = 500;

export function summaryRequest(report: Report): ReportSummaryRequest {
  const c = report.cost;
  const unavailable = new Set<ReportSectionName>(
    report.collectors.filter((s) => s.status === 'unavailable').map((s) => s.section),
  );
  return {
    request_id: `${report.id}@${report.generated_at}`,
    date: report.date,
    focus: report.settings.focus,
    format: report.settings.format,
    ...(c
      ? {
          cost: {
            yesterday: c.yesterday,
            previous_day: c.previous_day,
            delta: c.delta,
            ...(c.delta_percent !== undefined ? { delta_percent: c.delta_percent } : {}),
            above_threshold: c.above_threshold,
            month_to_date: c.month_to_date,
            ...(c.budget ? { budget_status: c.budget.status } : {}),
            top_drivers: c.top_drivers
              .slice(0, 5)
              .map((d) => ({ cloud: d.cloud, service: d.service, delta: d.delta })),
          },
        }
      : {}),
    totals: {
      resources: report.totals.resources,
      potential_monthly_savings_usd: report.totals.potential_monthly_savings_usd,
      by_severity: report.totals.by_severity,
      new_findings: report.findings.filter((f) => f.status === 'new').length,
      resolved_findings: report.resolved.length,
      new_resources: report.new_resources.length,
    },
    findings: report.findings.slice(0, MAX_FINDINGS).map((f) => ({
      id: f.id,
      kind: f.kind,
      section: f.section,
      severity: f.severity,
      cloud: f.cloud,
      status: f.status,
      ...(f.monthly_saving_usd !== undefined ? { monthly_saving_usd: f.monthly_saving_usd } : {}),
    })),
    unavailable_sections: [...unavailable].sort(),
  };
}
