import { ScheduleSchema } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { nextRuns, runsBetween } from '../../src/jobs/schedule.js';

const at20 = (timezone: string, extra: Record<string, unknown> = {}) =>
  ScheduleSchema.parse({ cron: '0 20 * * *', timezone, ...extra });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('nextRuns', () => {
  // 2026: Europe/Berlin switches on 29 March and 25 October, America/New_York on 8 March and 1 November.
  const table = [
    {
      zone: 'Europe/Berlin',
      from: '2026-03-27T00:00:00Z',
      want: [
        '2026-03-27T19:00:00.000Z',
        '2026-03-28T19:00:00.000Z',
        '2026-03-29T18:00:00.000Z',
        '2026-03-30T18:00:00.000Z',
      ],
    },
    {
      zone: 'Europe/Berlin',
      from: '2026-10-23T00:00:00Z',
      want: [
        '2026-10-23T18:00:00.000Z',
        '2026-10-24T18:00:00.000Z',
        '2026-10-25T19:00:00.000Z',
        '2026-10-26T19:00:00.000Z',
      ],
    },
    {
      zone: 'America/New_York',
      from: '2026-03-06T12:00:00Z',
      want: [
        '2026-03-07T01:00:00.000Z',
        '2026-03-08T01:00:00.000Z',
        '2026-03-09T00:00:00.000Z',
        '2026-03-10T00:00:00.000Z',
      ],
    },
    {
      zone: 'America/New_York',
      from: '2026-10-30T12:00:00Z',
      want: [
        '2026-10-31T00:00:00.000Z',
        '2026-11-01T00:00:00.000Z',
        '2026-11-02T01:00:00.000Z',
        '2026-11-03T01:00:00.000Z',
      ],
    },
  ];
  for (const row of table) {
    it(`fires 20:00 ${row.zone} at the right UTC instants from ${row.from}`, () => {
      expect(iso(nextRuns(at20(row.zone), new Date(row.from), 4))).toEqual(row.want);
    });
  }

  it('skips excluded dates and named holidays', () => {
    const schedule = at20('Europe/Berlin', {
      exclude_dates: ['2026-12-24', '2026-12-25'],
      holidays: [{ date: '2026-12-31', name: "New Year's Eve" }],
    });
    expect(iso(nextRuns(schedule, new Date('2026-12-23T00:00:00Z'), 4))).toEqual([
      '2026-12-23T19:00:00.000Z',
      '2026-12-26T19:00:00.000Z',
      '2026-12-27T19:00:00.000Z',
      '2026-12-28T19:00:00.000Z',
    ]);
  });

  it('reads an excluded date in the schedule time zone, not in UTC', () => {
    // 20:00 on 25 November in New York is 01:00Z on the 26th: excluding the 26th must skip the next evening instead.
    const schedule = at20('America/New_York', { exclude_dates: ['2026-11-26'] });
    expect(iso(nextRuns(schedule, new Date('2026-11-25T12:00:00Z'), 2))).toEqual([
      '2026-11-26T01:00:00.000Z',
      '2026-11-28T01:00:00.000Z',
    ]);
  });

  it('honours weekday ranges', () => {
    const schedule = ScheduleSchema.parse({ cron: '0 8 * * 1-5', timezone: 'UTC' });
    // 2026-11-20 is a Friday.
    expect(iso(nextRuns(schedule, new Date('2026-11-20T09:00:00Z'), 2))).toEqual([
      '2026-11-23T08:00:00.000Z',
      '2026-11-24T08:00:00.000Z',
    ]);
  });
});

describe('runsBetween', () => {
  it('lists the runs in (after, until], oldest first', () => {
    const runs = runsBetween(at20('UTC'), new Date('2026-05-01T20:00:00Z'), new Date('2026-05-03T20:00:00Z'));
    expect(iso(runs)).toEqual(['2026-05-02T20:00:00.000Z', '2026-05-03T20:00:00.000Z']);
  });
});
