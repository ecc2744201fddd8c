import { describe, expect, it } from 'vitest';
import { logfmtString } from './logfmt-text.js';

describe('logfmtString (slog TextHandler quoting)', () => {
  it('leaves printable text without space, = or " bare, backslashes included', () => {
    expect(logfmtString('127.0.0.1:12345')).toBe('127.0.0.1:12345');
    expect(logfmtString('a\\b')).toBe('a\\b');
    expect(logfmtString('日本語')).toBe('日本語');
    expect(logfmtString('🙂')).toBe('🙂');
    // DEL passes unquoted, as slog's safe set has it.
    expect(logfmtString('a\u007f')).toBe('a\u007f');
  });

  it('quotes the empty string and text with a space, =, " or a non-printable rune', () => {
    expect(logfmtString('')).toBe('""');
    expect(logfmtString('a b')).toBe('"a b"');
    expect(logfmtString('a=b')).toBe('"a=b"');
    expect(logfmtString('"')).toBe('"\\""');
    expect(logfmtString('\u2028')).toBe('"\\u2028"');
    expect(logfmtString('a\u200bb')).toBe('"a\\u200bb"');
  });

  it("escapes inside quotes as strconv.Quote does", () => {
    expect(logfmtString('x \u0000\u0007\b\f\n\r\t\v\u001b\u007f\\')).toBe('"x \\x00\\a\\b\\f\\n\\r\\t\\v\\x1b\\x7f\\\\"');
    expect(logfmtString('a \u{e0001}')).toBe('"a \\U000e0001"');
    // A lone surrogate is invalid once written as UTF-8.
    expect(logfmtString('\ud800')).toBe('"\\ufffd"');
  });
});
