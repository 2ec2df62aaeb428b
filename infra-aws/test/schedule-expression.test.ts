import { describe, expect, it } from 'vitest';
import { toSchedulerCron } from '../src/schedule-expression.js';

describe('toSchedulerCron', () => {
  it('puts "?" in day-of-week when only the day of month is restricted', () => {
    expect(toSchedulerCron('0 2 * * *')).toBe('cron(0 2 * * ? *)');
    expect(toSchedulerCron('30 6 1 */3 *')).toBe('cron(30 6 1 */3 ? *)');
  });

  it('shifts numeric weekdays to AWS numbering (Sunday = 1) and puts "?" in day-of-month', () => {
    expect(toSchedulerCron('0 20 * * 1-5')).toBe('cron(0 20 ? * 2-6 *)');
    expect(toSchedulerCron('0 9 * * 0')).toBe('cron(0 9 ? * 1 *)');
    expect(toSchedulerCron('0 9 * * 7')).toBe('cron(0 9 ? * 1 *)');
    expect(toSchedulerCron('0 9 * * 1,3,5')).toBe('cron(0 9 ? * 2,4,6 *)');
  });

  it('spells out a range that would wrap around Sunday', () => {
    expect(toSchedulerCron('0 9 * * 5-7')).toBe('cron(0 9 ? * 1,6,7 *)');
  });

  it('keeps weekday names, upper-cased', () => {
    expect(toSchedulerCron('0 20 * * mon-fri')).toBe('cron(0 20 ? * MON-FRI *)');
  });

  it('refuses a day-of-month and a day-of-week together', () => {
    expect(() => toSchedulerCron('0 9 1 * 1')).toThrow(/both day-of-month and day-of-week/);
  });

  it('refuses steps and other syntax in day-of-week', () => {
    expect(() => toSchedulerCron('0 9 * * */2')).toThrow(/uses "\*\/2" as a day of week/);
  });

  it('refuses an expression without five fields', () => {
    expect(() => toSchedulerCron('0 9 * *')).toThrow(/not a 5-field cron/);
  });
});
