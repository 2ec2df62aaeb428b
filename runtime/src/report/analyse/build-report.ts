// Pure assembly of the canonical report from the collectors' facts, the previous report
// and the user's settings. No I/O: the same inputs always give the same report.

import {
  type CloudProvider,
  type CollectorStatus,
  type CostSummary,
  REPORT_SCHEMA_VERSION,
  type Report,
  type ReportSettings,
  type RuntimeHealth,
  reportId,
  type Severity,
} from '@escher/shared';
import type { Observed } from '../collectors/observations.js';
import { costSummary } from './cost.js';
import { diffFindings } from './diff.js';
import { type FindingDraft, findingId, round2 } from './draft.js';
import { optimisationFindings } from './optimisation.js';
import { runtimeFindings } from './runtime-health.js';
import { healthFindings, securityFindings } from './security.js';
import { builtinSummary, costDeltaText } from './summary.js';

export interface ReportInputs {
  date: string;
  now: Date;
  settings: ReportSettings;
  observed: Observed[];
  statuses: CollectorStatus[];
  previous?: Report | undefined;
  /** The runtime's own alerts and dead letters of the last 24 hours. */
  runtime?: RuntimeHealth | undefined;
}

const of = <S extends Observed['section']>(all: Observed[], s: S) =>
  all.filter((o): o is Observed<S> => o.section === s);

function costFinding(cost: CostSummary, settings: ReportSettings): FindingDraft[] {
  if (!cost.above_threshold) return [];
  const top = [...cost.by_cloud].sort(
    (a, b) => b.yesterday - b.previous_day - (a.yesterday - a.previous_day),
  )[0];
  const cloud: CloudProvider = top?.cloud ?? 'aws';
  const overrun = cost.budget ? cost.month_to_date - cost.budget.monthly : 0;
  return [
    {
      id: findingId('cost_spike', cloud, '', 'spend'),
      kind: 'cost_spike',
      section: 'cost',
      severity: overrun > settings.severity.budget_overrun_usd ? 'CRITICAL' : 'HIGH',
      cloud,
      account: '',
      region: 'global',
      resource_id: 'spend',
      resource_name: 'daily spend',
      title: `Spend ${costDeltaText(cost)}`,
      detail: `above your threshold ($${settings.thresholds.cost_increase_usd} or ${settings.thresholds.cost_increase_percent} %)`,
      questions: ['Why did spending increase?'],
    },
  ];
}

export function buildReport(input: ReportInputs): Report {
  const { settings, observed, now } = input;
  const cost = costSummary(of(observed, 'cost'), input.date, settings);
  const drafts = [
    ...(cost ? costFinding(cost, settings) : []),
    ...of(observed, 'security').flatMap((o) => securityFindings(o, settings)),
    ...of(observed, 'optimisation').flatMap((o) => optimisationFindings(o, settings.thresholds, now)),
    ...of(observed, 'health').flatMap(healthFindings),
    ...(input.runtime ? runtimeFindings(input.runtime) : []),
  ].sort((a, b) => a.id.localeCompare(b.id));
  const { findings, resolved } = diffFindings(drafts, input.previous);
  const savings = round2(findings.reduce((sum, f) => sum + (f.monthly_saving_usd ?? 0), 0));
  const bySeverity: Record<Severity, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, INFO: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  const dayAgo = now.getTime() - 86_400_000;
  const optimisation = of(observed, 'optimisation');
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    id: reportId(input.date),
    date: input.date,
    generated_at: now.toISOString(),
    ...(input.previous ? { previous_report_id: input.previous.id } : {}),
    settings,
    collectors: input.statuses,
    ...(cost ? { cost } : {}),
    findings,
    resolved,
    new_resources: optimisation.flatMap((o) =>
      o.instances
        .filter((i) => i.created_at && Date.parse(i.created_at) >= dayAgo)
        .map((i) => ({
          cloud: o.cloud,
          account: o.account,
          resource_id: i.id,
          name: i.name,
          resource_type: 'compute_instance',
          ...(i.created_at ? { created_at: i.created_at } : {}),
          ...(i.created_by ? { created_by: i.created_by } : {}),
        })),
    ),
    totals: {
      resources: optimisation.reduce(
        (n, o) => n + o.instances.length + o.volumes.length + o.snapshots.length,
        0,
      ),
      potential_monthly_savings_usd: savings,
      by_severity: bySeverity,
    },
    summary: builtinSummary(findings, cost, savings, settings),
    ...(input.runtime ? { runtime_health: input.runtime } : {}),
  };
}
