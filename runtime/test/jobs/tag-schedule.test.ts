import { jobsForTagSchedule, matchesTags, parseTagExpression } from '@escher/shared';
import { describe, expect, it } from 'vitest';

describe('jobsForTagSchedule', () => {
  it('expands a named schedule into a stop job and a start job selecting its tag value', () => {
    const [stop, start] = jobsForTagSchedule({
      name: 'office-hours',
      timezone: 'Europe/Berlin',
      stop: '0 19 * * 1-5',
      start: '0 7 * * 1-5',
    });
    expect([stop?.name, stop?.action, stop?.schedule.cron]).toEqual([
      'office-hours-stop',
      'stop',
      '0 19 * * 1-5',
    ]);
    expect([start?.name, start?.action, start?.schedule.cron]).toEqual([
      'office-hours-start',
      'start',
      '0 7 * * 1-5',
    ]);
    const expr = parseTagExpression(stop?.selector.tags ?? '');
    expect(matchesTags(expr, { 'escher:schedule': 'office-hours' })).toBe(true);
    expect(matchesTags(expr, { 'escher:schedule': 'weekends' })).toBe(false);
  });

  it('gives only a stop job when no start is named, and refuses a bad cron naming the field', () => {
    expect(
      jobsForTagSchedule({ name: 'nightly', timezone: 'UTC', stop: '0 20 * * *' }).map((j) => j.name),
    ).toEqual(['nightly-stop']);
    expect(() => jobsForTagSchedule({ name: 'nightly', timezone: 'UTC', stop: '0 20 * *' })).toThrow(
      /must be a 5-field cron expression[\s\S]*"stop"/,
    );
  });
});
