import { matchesTags, parseTagExpression, TagExpressionError } from '@escher/shared';
import { describe, expect, it } from 'vitest';

const matches = (expr: string, tags: Record<string, string>) => matchesTags(parseTagExpression(expr), tags);

describe('tag expressions', () => {
  it('selects dev resources unless they opt out', () => {
    const expr = 'env=dev AND NOT escher:skip=true';
    expect(matches(expr, { env: 'dev' })).toBe(true);
    expect(matches(expr, { env: 'dev', 'escher:skip': 'true' })).toBe(false);
    expect(matches(expr, { env: 'dev', 'escher:skip': 'false' })).toBe(true);
    expect(matches(expr, { env: 'prod' })).toBe(false);
  });

  it('binds AND tighter than OR and honours parentheses', () => {
    expect(matches('env=dev OR env=test AND team=a', { env: 'dev', team: 'b' })).toBe(true);
    expect(matches('(env=dev OR env=test) AND team=a', { env: 'dev', team: 'b' })).toBe(false);
    expect(matches('(env=dev OR env=test) AND team=a', { env: 'test', team: 'a' })).toBe(true);
  });

  it('supports !=, bare keys and quoted values', () => {
    expect(matches('owner AND env!=prod', { owner: 'ana', env: 'dev' })).toBe(true);
    expect(matches('owner AND env!=prod', { env: 'dev' })).toBe(false);
    expect(matches('"cost center"="R&D 1"', { 'cost center': 'R&D 1' })).toBe(true);
  });

  it('never matches a missing tag with =', () => {
    expect(matches('env=dev', {})).toBe(false);
    expect(matches('NOT env=dev', {})).toBe(true);
  });

  const bad: [string, string][] = [
    ['env=dev AND', 'expected a tag at position 11'],
    ['env=', 'expected a value after "=" at position 4'],
    ['(env=dev', 'expected ")" at position 8'],
    ['env=dev team=a', 'unexpected "team" at position 8'],
    ['env==dev', 'expected a value after "=" at position 4'],
    ['env=dev; rm', 'unexpected character ";" at position 7'],
    ['AND env=dev', 'expected a tag, found "AND" at position 0'],
  ];
  for (const [source, message] of bad) {
    it(`refuses "${source}" naming the position`, () => {
      expect(() => parseTagExpression(source)).toThrow(TagExpressionError);
      expect(() => parseTagExpression(source)).toThrow(message);
    });
  }
});
