import { describe, expect, it } from 'vitest';
import { goJsonNumber, goJsonString, UnsupportedValueError } from './go-json.js';

describe('goJsonNumber', () => {
  it.each([
    [54, '54'],
    [3.5, '3.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [1.5e300, '1.5e+300'],
    [0.000001, '0.000001'],
    [1e-7, '1e-7'],
    [1.5e-7, '1.5e-7'],
    [5e-324, '5e-324'],
    [9223372036854775807, '9223372036854776000'],
    [-0, '-0'],
    [0, '0'],
  ])('writes %d as %s', (value, json) => {
    expect(goJsonNumber(value)).toBe(json);
  });

  it.each([
    [NaN, 'json: unsupported value: NaN'],
    [Infinity, 'json: unsupported value: +Inf'],
    [-Infinity, 'json: unsupported value: -Inf'],
  ])('refuses %d', (value, message) => {
    expect(() => goJsonNumber(value)).toThrow(UnsupportedValueError);
    expect(() => goJsonNumber(value)).toThrow(message);
  });
});

describe('goJsonString', () => {
  it.each([
    ['plain', 'Hello, world!', '"Hello, world!"'],
    ['quotes and backslashes', 'a"b\\c', '"a\\"b\\\\c"'],
    ['short escapes', '\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
    ['other controls in lower-case hex', '\u0000\u0001\u001b\u001f', '"\\u0000\\u0001\\u001b\\u001f"'],
    ['DEL as it is', '\u007f', '"\u007f"'],
    ['HTML characters', '<a href="x">&</a>', '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"'],
    ['line and paragraph separators', 'a\u2028b\u2029c', '"a\\u2028b\\u2029c"'],
    ['other non-ASCII as it is', 'héllo 世界 😀 \u00a0', '"héllo 世界 😀 \u00a0"'],
    ['invalid bytes as U+FFFD', 'a\udcffb\udc80', '"a\\ufffdb\\ufffd"'],
    ['a lone surrogate as U+FFFD', '\ud800x', '"\\ufffdx"'],
  ])('%s', (_rule, text, json) => {
    expect(goJsonString(text)).toBe(json);
  });

  it('is valid JSON that reads back as the valid characters', () => {
    const text = 'a<b>&"\\\n\u2028😀';
    expect(JSON.parse(goJsonString(text))).toBe(text);
  });
});
