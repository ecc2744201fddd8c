/**
 * How a quoted object key is printed.
 *
 * The parser stores a quoted key as the text between its quotes, escapes *not* decoded,
 * and that text is the key (§2.1). Upstream printed it with Go's `%q`, which escapes the
 * already-escaped text again: `{"a\"b" = 1}` became `{"a\\\"b" = 1}`, then
 * `{"a\\\\\\\"b" = 1}`, a different key on every run. Putting the stored text back
 * between double quotes reproduces the key as written instead.
 *
 * The tree does not record whether the key was a raw (backtick) string. A raw key whose
 * text is also valid between double quotes is printed with double quotes: it re-parses to
 * the same stored text, which is all the evaluator uses. Any other raw key (one holding a
 * `"`, a newline or a backslash that starts no escape) stays a raw string.
 */
import { quote } from '../lexer/quote.js';

export function objectKeyText(key: string): string {
  if (isDoubleQuotedContent(key)) return `"${key}"`;
  if (!key.includes('`')) return '`' + key + '`';
  return quote(key); // no parsed key gets here: a raw string cannot contain a backtick
}

const ESCAPE = /\\(?:[abfnrtv\\"]|[0-3][0-7]{2}|x[0-9a-fA-F]{2}|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/y;

/** Whether `"` + text + `"` scans as one valid double-quoted string literal (§1.5). */
export function isDoubleQuotedContent(text: string): boolean {
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '"' || ch === '\n' || ch === '\0' || ch === '\uFEFF') return false;
    if (ch !== '\\') {
      i++;
      continue;
    }
    ESCAPE.lastIndex = i;
    const match = ESCAPE.exec(text);
    if (match === null) return false;
    const hexDigits = match[1] ?? match[2];
    if (hexDigits !== undefined && !isValidCodePoint(parseInt(hexDigits, 16))) return false;
    i = ESCAPE.lastIndex;
  }
  return true;
}

function isValidCodePoint(cp: number): boolean {
  return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
}
