// Schedule math: the next run instants of a job in UTC, DST-correct (croner evaluates the
// cron in the schedule's IANA time zone) and with excluded dates and holidays skipped.

import type { Schedule } from '@escher/shared';
import { Cron } from 'croner';

/** A year of daily runs is the most one query walks past exclusions before giving up. */
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

/** The next `count` run instants strictly after `from`, skipping excluded local dates. */
export function nextRuns(schedule: Schedule, from: Date, count: number): Date[] {
  const cron = new Cron(schedule.cron, { paused: true, mode: '5-part', timezone: schedule.timezone });
  const excluded = excludedDates(schedule);
  const runs: Date[] = [];
  let cursor = from;
  for (let i = 0; i < MAX_CANDIDATES && runs.length < count; i++) {
    const next = cron.nextRun(cursor);
    if (!next) break;
    if (!excluded.has(localDate(next, schedule.timezone))) runs.push(next);
    cursor = next;
  }
  return runs;
}

/** Scheduled instants in (after, until], oldest first: what a sleeping scheduler missed. */
export function runsBetween(schedule: Schedule, after: Date, until: Date, limit = 1000): Date[] {
  const runs: Date[] = [];
  for (const run of nextRuns(schedule, after, limit)) {
    if (run.getTime() > until.getTime()) break;
    runs.push(run);
  }
  return runs;
}
