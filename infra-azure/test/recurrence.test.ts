import { describe, expect, it } from 'vitest';
import { expandCronField, toRecurrence, UnsupportedCronError } from '../src/recurrence.js';
import { SUPPORTED_TIME_ZONES, UnsupportedTimeZoneError, windowsTimeZone } from '../src/timezones.js';

describe('expandCronField', () => {
  it('returns null for an unrestricted field', () => {
    expect(expandCronField('*', 0, 59)).toBeNull();
    expect(expandCronField('?', 1, 31)).toBeNull();
  });

  it('expands lists, ranges and steps in order', () => {
    expect(expandCronField('*/15', 0, 59)).toEqual([0, 15, 30, 45]);
    expect(expandCronField('5/20', 0, 59)).toEqual([5, 25, 45]);
    expect(expandCronField('9-11,1', 0, 23)).toEqual([1, 9, 10, 11]);
    expect(expandCronField('MON-FRI', 0, 6, ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'])).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it('refuses values outside the field range', () => {
    expect(() => expandCronField('61', 0, 59)).toThrow('"61" is outside 0-59');
  });
});

describe('toRecurrence', () => {
  it('turns a weekday cron into a weekly recurrence in the Windows zone', () => {
    expect(toRecurrence({ cron: '0 20 * * 1-5', timezone: 'Europe/Berlin' })).toEqual({
      frequency: 'Week',
      interval: 1,
      startTime: '2024-01-01T00:00:00',
      timeZone: 'W. Europe Standard Time',
      schedule: {
        minutes: [0],
        hours: [20],
        weekDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
      },
    });
  });

  it('turns a daily cron into a daily recurrence', () => {
    expect(toRecurrence({ cron: '30 2 * * *', timezone: 'America/New_York' })).toEqual({
      frequency: 'Day',
      interval: 1,
      startTime: '2024-01-01T00:00:00',
      timeZone: 'Eastern Standard Time',
      schedule: { minutes: [30], hours: [2] },
    });
  });

  it('turns a day-of-month cron into a monthly recurrence', () => {
    expect(toRecurrence({ cron: '0 6 1,15 * *', timezone: 'UTC' }).schedule).toEqual({
      minutes: [0],
      hours: [6],
      monthDays: [1, 15],
    });
  });

  it('treats 7 as Sunday', () => {
    expect(toRecurrence({ cron: '0 8 * * 7', timezone: 'UTC' }).schedule.weekDays).toEqual(['Sunday']);
  });

  it('refuses cron extensions Logic Apps cannot express, naming the token', () => {
    expect(() => toRecurrence({ cron: '0 8 L * *', timezone: 'UTC' })).toThrow(
      'cron "0 8 L * *" cannot become a Logic Apps recurrence: "L" is outside 1-31',
    );
  });

  it('refuses a month filter', () => {
    expect(() => toRecurrence({ cron: '0 8 * 6 *', timezone: 'UTC' })).toThrow(
      new UnsupportedCronError('0 8 * 6 *', 'a month filter has no Logic Apps equivalent'),
    );
  });

  it('refuses day-of-month together with day-of-week', () => {
    expect(() => toRecurrence({ cron: '0 8 1 * 1', timezone: 'UTC' })).toThrow(/mean "either" in cron/);
  });

  it('refuses a zone without a Windows mapping', () => {
    expect(() => toRecurrence({ cron: '0 8 * * *', timezone: 'Asia/Kathmandu' })).toThrow(
      UnsupportedTimeZoneError,
    );
  });
});

describe('windowsTimeZone', () => {
  it('maps IANA zones to their Windows names', () => {
    expect(windowsTimeZone('Europe/London')).toBe('GMT Standard Time');
    expect(windowsTimeZone('Asia/Tokyo')).toBe('Tokyo Standard Time');
  });

  it('names the zone it cannot map', () => {
    expect(() => windowsTimeZone('Mars/Olympus')).toThrow(
      '"Mars/Olympus" has no Logic Apps (Windows) time-zone mapping',
    );
  });

  it('lists only zones the runtime itself accepts', () => {
    for (const zone of SUPPORTED_TIME_ZONES)
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
  });
});
