import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { effectiveRunTime, signSnoozeToken, snoozeFor, verifySnoozeToken } from '../../src/jobs/snooze.js';

const key = Buffer.from('0123456789abcdef0123456789abcdef');
const runAt = '2026-11-20T19:00:00.000Z';

describe('snoozes', () => {
  it('picks the latest snooze of the run and moves or skips it', () => {
    const base = { job: 'dev-nightly-stop', run_at: runAt, created_at: runAt, created_by: 'ana' };
    const skip = { ...base, kind: 'skip' as const };
    const delay = { ...base, kind: 'delay' as const, delay_minutes: 120 };
    expect(snoozeFor([skip, delay], 'dev-nightly-stop', new Date(runAt))).toBe(delay);
    expect(effectiveRunTime(delay, new Date(runAt))?.toISOString()).toBe('2026-11-20T21:00:00.000Z');
    expect(effectiveRunTime(skip, new Date(runAt))).toBeUndefined();
    expect(snoozeFor([skip], 'other-job', new Date(runAt))).toBeUndefined();
  });

  it('round-trips a signed link token', () => {
    const token = signSnoozeToken({ job: 'dev-nightly-stop', run_at: runAt, kind: 'skip' }, key);
    expect(verifySnoozeToken(token, key, new Date('2026-11-20T12:00:00Z'), 'link')).toEqual({
      job: 'dev-nightly-stop',
      run_at: runAt,
      kind: 'skip',
      created_at: '2026-11-20T12:00:00.000Z',
      created_by: 'link',
    });
  });

  it('refuses a tampered token and one for a run that has passed', () => {
    const token = signSnoozeToken({ job: 'dev-nightly-stop', run_at: runAt, kind: 'skip' }, key);
    const forged = signSnoozeToken(
      { job: 'prod-stop', run_at: runAt, kind: 'skip' },
      Buffer.from('another key'),
    );
    const tampered = `${forged.split('.')[0]}.${token.split('.')[1]}`;
    expect(() => verifySnoozeToken(tampered, key, new Date('2026-11-20T12:00:00Z'), 'link')).toThrow(
      InputError,
    );
    expect(() => verifySnoozeToken(token, key, new Date('2026-11-21T12:00:00Z'), 'link')).toThrow(
      'snooze link is for the run at 2026-11-20T19:00:00.000Z, which has passed',
    );
  });
});
