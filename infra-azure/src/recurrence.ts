// Turns the config's 5-field cron + IANA zone into a Logic Apps Recurrence. Logic Apps
// can express minute/hour lists on daily, weekly (week days) or monthly (month days)
// frequencies; crons that need more (a month filter, or day-of-month AND day-of-week,
// which cron ORs) are refused rather than approximated.

import type { Schedule } from '@escher/shared';
import { windowsTimeZone } from './timezones.js';

export interface Recurrence {
  frequency: 'Day' | 'Week' | 'Month';
  interval: 1;
  /** Logic Apps applies timeZone only with a start time that carries no UTC offset. */
  startTime: string;
  timeZone: string;
  schedule: { minutes: number[]; hours: number[]; weekDays?: string[]; monthDays?: number[] };
}

export class UnsupportedCronError extends Error {
  override name = 'UnsupportedCronError';
  constructor(
    readonly cron: string,
    reason: string,
  ) {
    super(`cron "${cron}" cannot become a Logic Apps recurrence: ${reason}`);
  }
}

const WEEK_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const RECURRENCE_START = '2024-01-01T00:00:00';

/** Expands one cron field to its sorted values, or null for an unrestricted `*`. */
export function expandCronField(
  field: string,
  min: number,
  max: number,
  names: readonly string[] = [],
): number[] | null {
  // Croner accepts `?` as a synonym of `*` in the day fields.
  if (field === '*' || field === '?') return null;
  const toNumber = (token: string): number => {
    const named = names.indexOf(token.toUpperCase());
    const value = named >= 0 ? named + min : Number(token);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`"${token}" is outside ${min}-${max}`);
    }
    return value;
  };
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`step "${stepText}" must be a positive integer`);
    const [fromText = '', toText] = range.split('-');
    const from = range === '*' ? min : toNumber(fromText);
    const to =
      range === '*' || (stepText !== undefined && toText === undefined) ? max : toNumber(toText ?? fromText);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

function expandOrAll(field: string, min: number, max: number): number[] {
  return expandCronField(field, min, max) ?? Array.from({ length: max - min + 1 }, (_, i) => i + min);
}

export function toRecurrence(schedule: Pick<Schedule, 'cron' | 'timezone'>): Recurrence {
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = schedule.cron
    .trim()
    .split(/\s+/);
  const timeZone = windowsTimeZone(schedule.timezone);
  try {
    const minutes = expandOrAll(minute, 0, 59);
    const hours = expandOrAll(hour, 0, 23);
    if (
      expandCronField(month, 1, 12, [
        'JAN',
        'FEB',
        'MAR',
        'APR',
        'MAY',
        'JUN',
        'JUL',
        'AUG',
        'SEP',
        'OCT',
        'NOV',
        'DEC',
      ])
    ) {
      throw new Error('a month filter has no Logic Apps equivalent');
    }
    const monthDays = expandCronField(dayOfMonth, 1, 31);
    // Cron allows 7 for Sunday; fold it onto 0 before naming days.
    const weekDays = expandCronField(dayOfWeek.replace(/\b7\b/g, '0'), 0, 6, DAY_NAMES);
    if (monthDays && weekDays) throw new Error('day-of-month and day-of-week together mean "either" in cron');
    const base = { interval: 1 as const, startTime: RECURRENCE_START, timeZone };
    if (monthDays) return { ...base, frequency: 'Month', schedule: { minutes, hours, monthDays } };
    if (weekDays) {
      const days = weekDays.map((d) => WEEK_DAYS[d] ?? 'Sunday');
      return { ...base, frequency: 'Week', schedule: { minutes, hours, weekDays: days } };
    }
    return { ...base, frequency: 'Day', schedule: { minutes, hours } };
  } catch (cause) {
    throw new UnsupportedCronError(schedule.cron, cause instanceof Error ? cause.message : String(cause));
  }
}
