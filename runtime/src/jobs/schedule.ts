// Schedule math: the next run instants of a job in UTC, DST-correct (croner evaluates the
// cron in the schedule's IANA time zone) and with excluded dates and holidays skipped.

import type { Schedule } from '@escher/shared';
import { Cron } from 'croner';

/** Candidates one query walks (past exclusions) before giving up: years of daily runs. */
const MAX_CANDIDATES = 5000;

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timezone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function excludedDates(schedule: Schedule): Set<string> {
  return new Set([...schedule.exclude_dates, ...(schedule.holidays ?? []).map((h) => h.date)]);
}

/** Run instants strictly after `from`, skipping excluded local dates, until `stop` says so. */
function* runsAfter(schedule: Schedule, from: Date): Generator<Date> {
  const cron = new Cron(schedule.cron, { paused: true, mode: '5-part', timezone: schedule.timezone });
  const excluded = excludedDates(schedule);
  let cursor = from;
  for (let i = 0; i < MAX_CANDIDATES; i++) {
    const next = cron.nextRun(cursor);
    if (!next) return;
    if (!excluded.has(localDate(next, schedule.timezone))) yield next;
    cursor = next;
  }
}

/** The next `count` run instants strictly after `from`. */
export function nextRuns(schedule: Schedule, from: Date, count: number): Date[] {
  const runs: Date[] = [];
  if (count <= 0) return runs;
  for (const run of runsAfter(schedule, from)) {
    runs.push(run);
    if (runs.length >= count) break;
  }
  return runs;
}

/** Scheduled instants in (after, until], oldest first: what a sleeping scheduler missed. */
export function runsBetween(schedule: Schedule, after: Date, until: Date): Date[] {
  const runs: Date[] = [];
  for (const run of runsAfter(schedule, after)) {
    if (run.getTime() > until.getTime()) break;
    runs.push(run);
  }
  return runs;
}
