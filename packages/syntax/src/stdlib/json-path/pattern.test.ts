import { describe, expect, it } from 'vitest';
import { parseJsonPath, Pattern } from './parse.js';

function pattern(path: string): Pattern {
  const [filter] = parseJsonPath(path);
  if (filter?.kind !== 'filter' || filter.condition.kind !== 'binary' || !(filter.condition.right.kind === 'regex')) {
    throw new Error('expected a filter with a pattern');
  }
  return filter.condition.right.regex;
}

describe('=~ patterns', () => {
  it('use RE2 semantics, searching anywhere in the text', () => {
    expect(pattern('$[?(@.a =~ /b+c/)]').test('abbbcd')).toBe(true);
    expect(pattern('$[?(@.a =~ /^b/)]').test('ab')).toBe(false);
  });

  it('match in linear time where a backtracking engine would not finish', () => {
    // (a+)+$ against "aaa…ab" takes a backtracking RegExp 2^40 steps.
    expect(pattern('$[?(@.a =~ /(a+)+$/)]').test(`${'a'.repeat(40)}b`)).toBe(false);
  });

  it('reject what RE2 rejects, with its message', () => {
    expect(() => parseJsonPath('$[?(@.a =~ /(?<=x)/)]')).toThrow('error parsing regexp: invalid named capture');
  });
});
