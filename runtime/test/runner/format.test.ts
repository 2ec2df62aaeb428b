import { describe, expect, it } from 'vitest';
import { exposureText } from '../../src/runner/format.js';

describe('exposureText', () => {
  it('reads like the seed ("2 minutes 17 seconds")', () => {
    expect(exposureText(137)).toBe('2 minutes 17 seconds');
    expect(exposureText(61)).toBe('1 minute 1 second');
    expect(exposureText(14.6)).toBe('15 seconds');
  });
});
