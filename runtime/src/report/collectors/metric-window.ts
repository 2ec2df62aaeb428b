// The days the rightsizing analysis reads CPU for: the last `rightsize_days` whole UTC days
// before the report's day, the same for every cloud so their findings compare.

import type { CollectContext } from './collector.js';

const DAY_MS = 86_400_000;

export interface MetricWindow {
  start: Date;
  end: Date;
}

/** Ends at midnight UTC today, so a partial day never drags a daily average down. */
export function rightsizeWindow(ctx: Pick<CollectContext, 'now' | 'thresholds'>): MetricWindow {
  const end = new Date(`${ctx.now.toISOString().slice(0, 10)}T00:00:00Z`);
  return { start: new Date(end.getTime() - ctx.thresholds.rightsize_days * DAY_MS), end };
}
