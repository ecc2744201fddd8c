/**
 * Go's `strconv.QuoteRune` (`%q` of an integer: `'*'`, `'\x01'`) and the ASCII-only
 * variants `%+q` uses.
 */
import { quote } from '../../lexer/quote.js';

export function quoteRune(cp: number): string {
  if (cp === 0x27) return "'\\''";
  if (cp === 0x22) return `'"'`;
  return `'${quote(String.fromCodePoint(cp)).slice(1, -1)}'`;
}

export function quoteRuneToAscii(cp: number): string {
  return `'${toAscii(quoteRune(cp).slice(1, -1))}'`;
}

export function quoteToAscii(text: string): string {
  return `"${toAscii(quote(text).slice(1, -1))}"`;
}

/** Every character beyond ASCII in quoted text as `\uXXXX` or `\UXXXXXXXX`. */
function toAscii(quoted: string): string {
  let out = '';
  for (const ch of quoted) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out;
}
