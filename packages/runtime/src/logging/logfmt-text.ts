/**
 * Keys and values in logfmt, quoted by the rules of Go's slog `TextHandler` (upstream's
 * logfmt writer): a string is written bare unless it is empty or holds a space, `=`, `"`,
 * a control character or a non-printable rune; quoted, it is escaped as `strconv.Quote`
 * does (`\"`, `\\`, `\n`, `\t`, `\x01`, `\u00a0`, …).
 */
import { displayText, nonFiniteText } from './attribute-value.js';
import { jsonText } from './json-text.js';

/** A key or string value, quoted when it must be. */
export function logfmtString(text: string): string {
  return text === '' || NEEDS_QUOTING.test(text) ? goQuote(text) : text;
}

/** A value: numbers and booleans bare, text quoted as needed, structures as JSON text. */
export function logfmtValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return logfmtString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : nonFiniteText(value);
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      if (value === null) return 'null';
      return logfmtString(displayText(value) ?? jsonText(value));
    case 'undefined':
      return 'null';
    default:
      return logfmtString(jsonText(value));
  }
}

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
// Slog lets DEL (0x7f) through unquoted and a backslash too (it is punctuation).
const NEEDS_QUOTING = /[ ="]|[^\p{L}\p{M}\p{N}\p{P}\p{S}\u007f]/u;
const NEEDS_ESCAPE = /["\\]|[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu;
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

function goQuote(text: string): string {
  return `"${text.replace(NEEDS_ESCAPE, escapeRune)}"`;
}

function escapeRune(rune: string): string {
  const short = SHORT_ESCAPES[rune];
  if (short !== undefined) return short;
  const code = rune.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return `\\x${hex(code, 2)}`;
  // A lone surrogate is invalid UTF-8 once written: Go shows the replacement character.
  if (code >= 0xd800 && code <= 0xdfff) return '\\ufffd';
  return code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
