import { describe, expect, it } from 'vitest';
import { array, bool, string } from '../../eval/value.js';
import { evalText } from '../../../test/support/stdlib-eval.js';

describe('string functions', () => {
  it.each([
    ['string.join(["foo", "bar", "baz"], "-")', '"foo-bar-baz"'],
    ['string.join(["foo"], ", ")', '"foo"'],
    ['string.join([0, 0, 1], ", ")', '"0, 0, 1"'],
    ['string.join([], ",")', '""'],
    ['string.join([1.5, null], "|")', '"1.5|"'],
    ['string.join(null, ",")', '""'],
    ['string.replace("1 + 2 + 3", "+", "-")', '"1 - 2 - 3"'],
    ['string.replace("Hello World", " World", "!")', '"Hello!"'],
    ['string.replace("ab", "", "-")', '"-a-b-"'],
    ['string.replace("", "", "-")', '"-"'],
    ['string.replace("aaa", "aa", "b")', '"ba"'],
    ['string.replace("a.b", ".", "$&")', '"a$&b"'],
    ['string.split("foo,bar,baz", ",")', '["foo", "bar", "baz"]'],
    ['string.split("", ",")', '[""]'],
    ['string.split("", "")', '[]'],
    ['string.split("abc", "")', '["a", "b", "c"]'],
    ['string.split("a,", ",")', '["a", ""]'],
    ['string.to_lower("HELLO")', '"hello"'],
    ['string.to_upper("hello")', '"HELLO"'],
    ['string.to_upper("ß")', '"ß"'],
    ['string.to_lower("İ")', '"i"'],
    ['string.to_lower("ΣΑΣ")', '"σασ"'],
    ['string.to_upper("ᾳ")', '"ᾼ"'],
    ['string.to_upper("\\xff")', '"�"'],
    ['string.trim("?!hello?!", "!?")', '"hello"'],
    ['string.trim("foobar", "far")', '"oob"'],
    ['string.trim("   hello! world.!  ", "! ")', '"hello! world."'],
    ['string.trim("abc", "")', '"abc"'],
    ['string.trim_prefix("helloworld", "hello")', '"world"'],
    ['string.trim_prefix("aaa", "a")', '"aa"'],
    ['string.trim_prefix("x", "y")', '"x"'],
    ['string.trim_suffix("helloworld", "world")', '"hello"'],
    ['string.trim_suffix("x", "")', '"x"'],
    ['string.trim_space("  hello\\n\\n")', '"hello"'],
    ['string.trim_space("\\u0085x\\u00a0")', '"x"'],
    ['string.trim_space("\\ufeffx")', '"\\ufeffx"'],
    ['string.to_lower(string.to_upper(string.trim_space("   String   ")))', '"string"'],
    ['string.to_upper(12)', '"12"'],
    ['string.to_upper(null)', '""'],
    ['string.to_upper(1e21)', '"1000000000000000000000"'],
  ])('%s', (expr, expected) => expect(evalText(expr)).toBe(expected));

  it.each([
    ['string.to_upper(true)', 'error: 1:17: true should be string, got bool'],
    ['string.to_upper("a", "b")', 'error: 1:1: string.to_upper expected 1 args, got 2'],
    ['string.join(1, ",")', 'error: 1:13: 1 should be array, got number'],
    ['string.join([true], ",")', 'error: 1:14: true should be string, got bool'],
    ['string.join(x, ",")', 'error: 1:13: x should be string, got bool'],
    ['string.join(["a"])', 'error: 1:1: string.join expected 2 args, got 1'],
    ['to_upper([1])', 'error: 1:10: [1] should be string, got array'],
  ])('%s fails', (expr, expected) => {
    expect(evalText(expr, { variables: { x: array([bool(true)]) } })).toBe(expected);
  });

  it('every deprecated alias is the same function', () => {
    for (const name of ['join', 'replace', 'split', 'to_lower', 'to_upper', 'trim', 'trim_prefix', 'trim_suffix', 'trim_space', 'format']) {
      expect(evalText(`${name} == string.${name}`)).toBe('false'); // functions never compare equal
      expect(evalText(name)).toBe(evalText(`string.${name}`));
    }
    expect(evalText('trim_space(s)', { variables: { s: string(' a ') } })).toBe('"a"');
  });
});
