// Cost summary from the collectors' daily lines: yesterday vs the day before, top drivers,
// month to date, budget status and a 14-day trend. Amounts are rounded to cents at the end.

import type { CloudProvider, CostDriver, CostSummary, ReportSettings } from '@escher/shared';
import { addDays, TREND_DAYS } from '../collectors/cost-window.js';
import type { Observed } from '../collectors/observations.js';
import { round2 } from './draft.js';

export const TOP_DRIVERS = 5;

export function costSummary(
  observed: Observed<'cost'>[],
  reportDay: string,
  settings: ReportSettings,
): CostSummary | undefined {
  if (observed.length === 0) return undefined;
  const yesterday = addDays(reportDay, -1);
  const previous = addDays(reportDay, -2);
  const month = yesterday.slice(0, 7);
  const byDay = new Map<string, number>();
  const drivers = new Map<string, CostDriver>();
  const clouds = new Map<CloudProvider, { yesterday: number; previous_day: number }>();
  let mtd = 0;
  for (const o of observed) {
    const c = clouds.get(o.cloud) ?? { yesterday: 0, previous_day: 0 };
    clouds.set(o.cloud, c);
    for (const line of o.lines) {
      if (line.date >= reportDay) continue;
      byDay.set(line.date, (byDay.get(line.date) ?? 0) + line.amount);
      if (line.date.startsWith(month)) mtd += line.amount;
      if (line.date !== yesterday && line.date !== previous) continue;
      const key = `${o.cloud}|${o.account}|${line.service}`;
      const d = drivers.get(key) ?? {
        cloud: o.cloud,
        account: o.account,
        service: line.service,
        yesterday: 0,
        previous: 0,
        delta: 0,
      };
      if (line.date === yesterday) {
        d.yesterday += line.amount;
        c.yesterday += line.amount;
      } else {
        d.previous += line.amount;
        c.previous_day += line.amount;
      }
      drivers.set(key, d);
    }
  }
  const y = round2(byDay.get(yesterday) ?? 0);
  const p = round2(byDay.get(previous) ?? 0);
  const delta = round2(y - p);
  const deltaPercent = p > 0 ? Math.round((delta / p) * 1000) / 10 : undefined;
  const t = settings.thresholds;
  const budget = settings.monthly_budget_usd;
  const daysElapsed = Number(yesterday.slice(8, 10));
  const daysInMonth = new Date(
    Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0),
  ).getUTCDate();
  return {
    as_of: `${reportDay}T00:00:00.000Z`,
    currency: 'USD',
    yesterday: y,
    previous_day: p,
    delta,
    ...(deltaPercent !== undefined ? { delta_percent: deltaPercent } : {}),
    above_threshold: delta > t.cost_increase_usd || (deltaPercent ?? 0) > t.cost_increase_percent,
    month_to_date: round2(mtd),
    ...(budget
      ? {
          budget: {
            monthly: budget,
            used_percent: Math.round((mtd / budget) * 1000) / 10,
            status: mtd > budget ? 'exceeded' : (mtd / daysElapsed) * daysInMonth > budget ? 'warning' : 'ok',
          },
        }
      : {}),
    by_cloud: [...clouds].map(([cloud, v]) => ({
      cloud,
      yesterday: round2(v.yesterday),
      previous_day: round2(v.previous_day),
    })),
    top_drivers: [...drivers.values()]
      .map((d) => ({
        ...d,
        yesterday: round2(d.yesterday),
        previous: round2(d.previous),
        delta: round2(d.yesterday - d.previous),
      }))
      .sort((a, b) => b.yesterday - a.yesterday || a.service.localeCompare(b.service))
      .slice(0, TOP_DRIVERS),
    trend: Array.from({ length: TREND_DAYS }, (_, i) => {
      const date = addDays(reportDay, i - TREND_DAYS);
      return { date, amount: round2(byDay.get(date) ?? 0) };
    }),
  };
}
