// The email/Slack summary (a Notification the notifier routes by severity) and the
// compact context pack the laptop sends for "Ask me anything about this report".

import type { Report } from '@escher/shared';
import type { NotificationInput } from '../../notify/notification.js';

export function reportNotification(report: Report): NotificationInput {
  const critical = report.totals.by_severity.CRITICAL ?? 0;
  const high = report.totals.by_severity.HIGH ?? 0;
  const top = new Map(report.findings.map((f) => [f.id, f]));
  return {
    dedup_key: report.id,
    severity: critical > 0 ? 'CRITICAL' : high > 0 ? 'HIGH' : 'INFO',
    title: `Morning report ${report.date}`,
    summary: report.summary.headline,
    lines: [
      ...report.summary.bullets,
      ...report.summary.priorities.slice(0, 3).flatMap((id) => {
        const f = top.get(id);
        return f ? [`${f.severity}: ${f.title}`] : [];
      }),
    ],
    source: 'report',
    at: report.generated_at,
  };
}

/** What the laptop sends to the AI server for questions: figures and titles, no resource payloads. */
export function contextPack(report: Report): Record<string, unknown> {
  return {
    report_id: report.id,
    date: report.date,
    cost: report.cost && {
      as_of: report.cost.as_of,
      yesterday: report.cost.yesterday,
      previous_day: report.cost.previous_day,
      delta: report.cost.delta,
      delta_percent: report.cost.delta_percent,
      month_to_date: report.cost.month_to_date,
      top_drivers: report.cost.top_drivers,
    },
    totals: report.totals,
    findings: report.findings.map((f) => ({
      id: f.id,
      kind: f.kind,
      severity: f.severity,
      status: f.status,
      cloud: f.cloud,
      resource: f.resource_name,
      title: f.title,
      saving: f.monthly_saving_usd,
    })),
    unavailable: report.collectors
      .filter((c) => c.status === 'unavailable')
      .map((c) => `${c.collector}: ${c.reason}`),
  };
}
