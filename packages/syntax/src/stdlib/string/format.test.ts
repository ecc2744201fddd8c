import { describe, expect, it } from 'vitest';
import { secretValue } from '../../eval/secret.js';
import { evalText } from '../../../test/support/stdlib-eval.js';

const formatted = (expr: string): string => evalText(expr);

describe('string.format is Go fmt.Sprintf', () => {
  it.each([
    ['string.format("Hello, %s!", "Ander")', '"Hello, Ander!"'],
    ['string.format("There are %d lights", 4)', '"There are 4 lights"'],
    ['string.format("%#v", 1)', '"1"'],
    ['string.format("%#v", true)', '"true"'],
    ['string.format("%q", "hello")', '"\\"hello\\""'],
    ['string.format("%s", 1)', '"%!s(int=1)"'],
    ['string.format("%d")', '"%!d(MISSING)"'],
    ['string.format("x", 1)', '"x%!(EXTRA int=1)"'],
    ['string.format("x", 1, "a", null)', '"x%!(EXTRA int=1, string=a, <nil>)"'],
    ['string.format("%[2]s-%[1]s", "a", "b")', '"b-a"'],
    ['string.format("%[3]s", "a")', '"%!s(BADINDEX)"'],
    ['string.format("%05.1f", 3.14159)', '"003.1"'],
    ['string.format(5)', '"5"'],
    ['string.format("100%%")', '"100%"'],
    ['string.format("%")', '"%!(NOVERB)"'],
    ['string.format("%z", 1)', '"%!z(int=1)"'],
    ['string.format("%d", "hi")', '"%!d(string=hi)"'],
    ['string.format("%*d", "x", 1)', '"%!(BADWIDTH)1"'],
    ['string.format("%.*d", "x", 1)', '"%!(BADPREC)1"'],
    ['string.format("%*d|%-*d|", 4, 1, 3, 2)', '"   1|2  |"'],
  ])('%s', (expr, expected) => expect(formatted(expr)).toBe(expected));
});

describe('the formatting matrix', () => {
  it.each([
    ['%v', '42', '42'], ['%v', '1.5', '1.5'], ['%v', '3.0', '3'], ['%v', 'null', '<nil>'],
    ['%v', '[1, "a"]', '[1 a]'], ['%v', '{b = 1, a = "x"}', 'map[a:x b:1]'],
    ['%#v', '"hi"', '\\"hi\\"'], ['%#v', 'null', '<nil>'],
    ['%#v', '[1, "a"]', '[]interface {}{1, \\"a\\"}'],
    ['%#v', '{b = 1, a = "x"}', 'map[string]interface {}{\\"a\\":\\"x\\", \\"b\\":1}'],
    ['%s', '42', '%!s(int=42)'], ['%s', '3.0', '%!s(float64=3)'], ['%s', 'true', '%!s(bool=true)'],
    ['%s', 'null', '%!s(<nil>)'], ['%s', '[1, "a"]', '[%!s(int=1) a]'], ['%s', '{b = 1, a = "x"}', 'map[a:x b:%!s(int=1)]'],
    ['%d', '1.5', '%!d(float64=1.5)'], ['%d', '[1, "a"]', '[1 %!d(string=a)]'],
    ['%q', '42', "'*'"], ['%q', '[1, "a"]', "['\\\\x01' \\\"a\\\"]"],
    ['%f', '1.5', '1.500000'], ['%f', '42', '%!f(int=42)'],
    ['%t', 'true', 'true'], ['%t', '42', '%!t(int=42)'],
    ['%x', '42', '2a'], ['%x', '1.5', '0x1.8p+00'], ['%x', '3.0', '0x1.8p+01'], ['%x', '"hi"', '6869'], ['%x', '[1, "a"]', '[1 61]'],
    ['%X', '255', 'FF'], ['%b', '5', '101'], ['%o', '8', '10'], ['%O', '8', '0o10'], ['%c', '65', 'A'], ['%U', '42', 'U+002A'],
    ['%#x', '255', '0xff'], ['%+d', '5', '+5'], ['%05d', '-42', '-0042'], ['%-5d|', '42', '42   |'], ['%.3d', '7', '007'],
    ['%T', '42', 'int'], ['%T', '1.5', 'float64'], ['%T', '"hi"', 'string'], ['%T', 'true', 'bool'], ['%T', 'null', '<nil>'],
    ['%T', '[1]', '[]interface {}'], ['%T', '{}', 'map[string]interface {}'], ['%T', '18446744073709551615', 'uint64'],
    ['%e', '1.5', '1.500000e+00'], ['%E', '1.5', '1.500000E+00'], ['%g', '1.5', '1.5'], ['%.2f', '1.5', '1.50'],
    ['%.2f', '0.125', '0.12'], ['%.0f', '2.5', '2'], ['%.1e', '12345.0', '1.2e+04'], ['%.3g', '1234.5', '1.23e+03'],
    ['%v', '1000000.0', '1e+06'], ['%v', '123456789.0', '1.23456789e+08'], ['%v', '123456.0', '123456'],
    ['%v', '0.0001', '0.0001'], ['%v', '0.00001', '1e-05'], ['%v', '1e21', '1e+21'], ['%8.3f|', '3.14159', '   3.142|'],
    ['%s', 'encoding.from_base64("YQ==")', '[%!s(int=97)]'], ['%v', 'encoding.from_base64("YQ==")', '[97]'],
    ['%d', 'encoding.from_json("1")', '%!d(float64=1)'], ['%5s|', '"ab"', '   ab|'], ['%-5s|', '"ab"', 'ab   |'], ['%.1s', '"héllo"', 'h'],
  ])('%s of %s', (verb, operand, expected) => {
    expect(formatted(`string.format("${verb}", ${operand})`)).toBe(`"${expected}"`);
  });
});

describe('secrets in string.format', () => {
  const secret = secretValue('hunter2');
  it.each(['%s', '%v', '%q', '%d', '%x', '%#v'])('%s prints (secret), never the text', (verb) => {
    const out = evalText(`string.format("${verb}", s)`, { variables: { s: secret } });
    expect(out).not.toContain('hunter2');
    expect(out).toContain('(secret)');
  });

  it('%T still names the type', () => {
    expect(evalText('string.format("%T", s)', { variables: { s: secret } })).toBe('"alloytypes.Secret"');
  });

  it('a secret among extra arguments is hidden too', () => {
    expect(evalText('string.format("x", s)', { variables: { s: secret } })).toBe('"x%!(EXTRA alloytypes.Secret=(secret))"');
  });
});

describe('arity and argument errors', () => {
  it('needs the format', () => {
    expect(evalText('string.format()')).toBe('error: 1:1: string.format expected at least 1 args, got 0');
  });

  it('the format must convert to a string', () => {
    expect(evalText('string.format(true)')).toBe('error: 1:15: true should be string, got bool');
  });

  it('the deprecated alias names itself', () => {
    expect(evalText('format()')).toBe('error: 1:1: format expected at least 1 args, got 0');
  });
});
