import { describe, expect, it } from 'vitest';
import { busyTime } from '../../bench/remediation-proxy.js';

const call = (arrived: number, answered: number) => ({ arrived, answered });

describe('busyTime', () => {
  it('adds up calls that follow one another', () => {
    expect(busyTime([call(0, 10), call(15, 20)])).toBe(15);
  });

  it('counts overlapping calls once', () => {
    expect(busyTime([call(0, 10), call(2, 12), call(4, 8)])).toBe(12);
  });

  it('does not depend on the order the calls are listed in', () => {
    expect(busyTime([call(30, 40), call(0, 10), call(5, 20)])).toBe(30);
  });

  it('is zero without calls', () => {
    expect(busyTime([])).toBe(0);
  });
});
