/**
 * The text a STRING literal stands for (Go `strconv.Unquote`, as upstream evaluates it).
 *
 * `\xNN` and `\NNN` write raw bytes, so an escaped string is assembled as bytes and then
 * read back as source text: bytes that form UTF-8 become their characters, and a byte that
 * does not stands as one lone surrogate U+DC80..U+DCFF, as everywhere else in Ingot.
 */
import { PlainError } from './errors.js';
import { decodeSourceText } from '../source/source-text.js';

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b, '\\': 0x5c, '"': 0x22,
};

const encoder = new TextEncoder();

/** Decodes the literal's raw text, quotes included: `"a\tb"` or a backquoted raw string. */
export function decodeStringLiteral(raw: string): string {
  if (raw.length >= 2 && raw.startsWith('`') && raw.endsWith('`')) {
    // Raw strings keep everything but carriage returns, which Go drops.
    return raw.slice(1, -1).replaceAll('\r', '');
  }
  if (raw.length < 2 || !raw.startsWith('"') || !raw.endsWith('"')) throw invalidSyntax();
  const body = raw.slice(1, -1);
  if (!body.includes('\\')) {
    if (body.includes('"') || body.includes('\n')) throw invalidSyntax();
    return body;
  }
  return decodeSourceText(unescapeToBytes(body));
}

function unescapeToBytes(body: string): Uint8Array {
  const bytes: number[] = [];
  let i = 0;
  const appendText = (text: string): void => {
    for (const b of encoder.encode(text)) bytes.push(b);
  };
  while (i < body.length) {
    const ch = body[i]!;
    if (ch === '"' || ch === '\n') throw invalidSyntax();
    if (ch !== '\\') {
      const next = body.indexOf('\\', i);
      const end = next === -1 ? body.length : next;
      appendText(body.slice(i, end));
      i = end;
      continue;
    }
    const kind = body[i + 1];
    if (kind === undefined) throw invalidSyntax();
    const simple = SIMPLE_ESCAPES[kind];
    if (simple !== undefined) {
      bytes.push(simple);
      i += 2;
    } else if (kind === 'x') {
      bytes.push(readDigits(body, i + 2, 2, 16));
      i += 4;
    } else if (kind >= '0' && kind <= '7') {
      const value = readDigits(body, i + 1, 3, 8);
      if (value > 0xff) throw invalidSyntax();
      bytes.push(value);
      i += 4;
    } else if (kind === 'u' || kind === 'U') {
      const length = kind === 'u' ? 4 : 8;
      const codePoint = readDigits(body, i + 2, length, 16);
      if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint < 0xe000)) throw invalidSyntax();
      appendText(String.fromCodePoint(codePoint));
      i += 2 + length;
    } else {
      throw invalidSyntax();
    }
  }
  return Uint8Array.from(bytes);
}

function readDigits(text: string, start: number, count: number, radix: 8 | 16): number {
  const digits = text.slice(start, start + count);
  const pattern = radix === 8 ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/;
  if (digits.length !== count || !pattern.test(digits)) throw invalidSyntax();
  return Number.parseInt(digits, radix);
}

/** Unreachable after a clean parse: the scanner rejects what Unquote would. */
function invalidSyntax(): PlainError {
  return new PlainError('invalid syntax');
}
