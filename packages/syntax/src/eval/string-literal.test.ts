import { describe, expect, it } from 'vitest';
import { decodeStringLiteral } from './string-literal.js';

describe('decodeStringLiteral', () => {
  it.each([
    ['"plain"', 'plain'],
    ['""', ''],
    ['"a\\tb\\nc"', 'a\tb\nc'],
    ['"\\a\\b\\f\\r\\v\\\\\\""', '\x07\b\f\r\v\\"'],
    ['"\\x41\\101"', 'AA'],
    ['"\\u00e9\\U0001F600"', 'é\u{1F600}'],
    // Escaped bytes that form UTF-8 become the character they spell.
    ['"\\xc3\\xa9"', 'é'],
    ['"\\303\\251"', 'é'],
    ['"héllo"', 'héllo'],
  ])('%s is %j', (raw, text) => {
    expect(decodeStringLiteral(raw)).toBe(text);
  });

  it('keeps a byte that is not UTF-8 as a lone surrogate', () => {
    expect(decodeStringLiteral('"a\\xffb"')).toBe('a\udcffb');
    expect(decodeStringLiteral('"\\xc3"')).toBe('\udcc3');
  });

  it('keeps raw strings as written, less carriage returns', () => {
    expect(decodeStringLiteral('`a\\n"b"`')).toBe('a\\n"b"');
    expect(decodeStringLiteral('`line\r\nnext\r`')).toBe('line\nnext');
  });

  it.each(['"\\q"', '"\\x4"', '"\\400"', '"\\ud800"', '"\\U00110000"', "\"\\'\"", '"a'])('rejects %s', (raw) => {
    expect(() => decodeStringLiteral(raw)).toThrow('invalid syntax');
  });
});
