/**
 * Go's `strconv.Quote` (`%q`), which upstream uses to show labels and keys in messages and
 * in formatted output: printable characters stay, the rest become escapes.
 */
import { isEscapedByte } from '../source/source-text.js';

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const NAMED: Readonly<Record<number, string>> = {
  0x07: '\\a', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x0b: '\\v',
  0x22: '\\"', 0x5c: '\\\\',
};

export function quote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const named = NAMED[cp];
    if (named !== undefined) out += named;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (isEscapedByte(cp)) out += `\\x${hex(cp - 0xdc00, 2)}`;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return `${out}"`;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}
