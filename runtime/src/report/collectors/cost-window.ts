// The days a cost collector asks for: enough for a 14-day trend and the month to date of
// yesterday's month. Cost data lags about a day, so the window ends with yesterday and
// the data is "as of" midnight UTC today.

export const TREND_DAYS = 14;

export interface CostWindow {
  /** First day asked for (inclusive), YYYY-MM-DD. */
  start: string;
  /** Day after the last day asked for (exclusive): the report's own day. */
  end: string;
  as_of: string;
}

export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

export function costWindow(reportDay: string): CostWindow {
  const yesterday = addDays(reportDay, -1);
  const trendStart = addDays(reportDay, -TREND_DAYS);
  const monthStart = `${yesterday.slice(0, 8)}01`;
  return {
    start: monthStart < trendStart ? monthStart : trendStart,
    end: reportDay,
    as_of: `${reportDay}T00:00:00.000Z`,
  };
}
