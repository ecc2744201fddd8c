/**
 * `encoding.url_encode` and `encoding.url_decode`: Go `url.QueryEscape` and
 * `url.QueryUnescape`, form encoding rather than the RFC 3986 escaping the docs describe:
 * a space is `+`, and every byte outside `A-Z a-z 0-9 - _ . ~` is `%XX` (upper-case hex).
 */
import { PlainError } from '../../eval/errors.js';
import { string, type FunctionValue } from '../../eval/value.js';
import { quote } from '../../lexer/quote.js';
import { decodeSourceText, encodeSourceText } from '../../source/source-text.js';
import { stringFunction } from '../string-function.js';

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;
const PERCENT = 0x25;
const PLUS = 0x2b;

export const urlEncode: FunctionValue = stringFunction(1, (text) => {
  let out = '';
  for (const byte of encodeSourceText(text)) {
    const ch = String.fromCharCode(byte);
    if (UNRESERVED.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return string(out);
});

/**
 * `+` is a space and `%XX` (hex of either case) a byte; the bytes need not be UTF-8. A `%`
 * without two hex digits fails, quoting it with up to two following bytes:
 * `invalid URL escape "%zz"`.
 */
export const urlDecode: FunctionValue = stringFunction(1, (text) => {
  const bytes = encodeSourceText(text);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === PLUS) out.push(0x20);
    else if (byte !== PERCENT) out.push(byte);
    else {
      const hex = String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0);
      if (i + 2 >= bytes.length || !/^[0-9a-fA-F]{2}$/.test(hex)) {
        throw new PlainError(`invalid URL escape ${quote(decodeSourceText(bytes.subarray(i, i + 3)))}`);
      }
      out.push(parseInt(hex, 16));
      i += 2;
    }
  }
  return string(decodeSourceText(Uint8Array.from(out)));
});
