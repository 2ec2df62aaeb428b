// Vendor timestamps in every shape seen in real payloads become one ISO-8601 UTC form;
// impossible ones are typed errors, never a silently shifted date.

import { describe, expect, it } from 'vitest';
import { InvalidFieldError, MissingFieldError } from '../../src/normalize/errors.js';
import { isoTimestamp } from '../../src/normalize/fields.js';

const iso = (value: unknown) => isoTimestamp(value, 'test', 'time');

describe('isoTimestamp', () => {
  it.each([
    ['2019-10-02T17:04:40Z', '2019-10-02T17:04:40.000Z'],
    ['2020-02-29T23:59:59.999Z', '2020-02-29T23:59:59.999Z'],
    ['2019-03-22T13:58:24.3713213Z', '2019-03-22T13:58:24.371Z'],
    ['2019-10-02T17:04:40.989+0000', '2019-10-02T17:04:40.989Z'],
    ['2019-10-02T17:04:40+0000', '2019-10-02T17:04:40.000Z'],
    ['2023-08-04T12: 36: 15.490+0000', '2023-08-04T12:36:15.490Z'],
    ['2019-06-24T11:31:19.0312699+00:00', '2019-06-24T11:31:19.031Z'],
    ['Thu, 1 Nov 2018 22:00:00 GMT', '2018-11-01T22:00:00.000Z'],
    [1746178794, '2025-05-02T09:39:54.000Z'],
    [1746178794000, '2025-05-02T09:39:54.000Z'],
    ['1746178794', '2025-05-02T09:39:54.000Z'],
  ])('reads %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ['2019-02-30T00:00:00Z'],
    ['2019-13-01T00:00:00Z'],
    ['2019-10-02T24:00:00Z'],
    ['yesterday'],
    [-5],
    [{}],
  ])('refuses %s', (input) => {
    expect(() => iso(input)).toThrow(InvalidFieldError);
  });

  it('names a missing time as missing', () => {
    expect(() => iso(undefined)).toThrow(MissingFieldError);
  });
});
