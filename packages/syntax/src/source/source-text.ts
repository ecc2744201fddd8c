/**
 * Source text as the lexer sees it: a JavaScript string in which every byte that is not
 * part of valid UTF-8 stands as one lone surrogate U+DC80..U+DCFF (Python's
 * "surrogateescape"). The scanner reports such a character as `illegal UTF-8 encoding`
 * and counts it as one byte, exactly as upstream does on the raw bytes, and
 * `encodeSourceText` writes the original bytes back, so nothing is lost on a round trip.
 */
import { isUtf8 } from 'node:buffer';

const strictDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The first code unit of the escape range; the escaped byte is added to it. */
const ESCAPE_BASE = 0xdc00;

export function decodeSourceText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  if (isUtf8(input)) return strictDecoder.decode(input);
  return decodeWithEscapes(input);
}

/** Whether a UTF-16 code unit is an escaped invalid byte. */
export function isEscapedByte(codeUnit: number): boolean {
  return codeUnit >= 0xdc80 && codeUnit <= 0xdcff;
}

function decodeWithEscapes(bytes: Uint8Array): string {
  const parts: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) {
      parts.push(String.fromCharCode(ESCAPE_BASE + bytes[i]!));
      i += 1;
    } else {
      const start = i;
      // Take the longest valid run at once.
      let end = i + length;
      for (let n = validSequenceLength(bytes, end); n > 0; n = validSequenceLength(bytes, end)) end += n;
      parts.push(strictDecoder.decode(bytes.subarray(start, end)));
      i = end;
    }
  }
  return parts.join('');
}

/** Length of the well-formed UTF-8 sequence at `i` (RFC 3629), or 0 when it is not one. */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  if (i >= bytes.length) return 0;
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The bytes of source text, with escaped invalid bytes restored. */
export function encodeSourceText(text: string): Uint8Array {
  if (!/[\udc80-\udcff]/.test(text)) return Buffer.from(text, 'utf8');
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isEscapedByte(c) && !(i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) {
      chunks.push(Buffer.from(text.slice(start, i), 'utf8'), Uint8Array.of(c - ESCAPE_BASE));
      start = i + 1;
    }
  }
  chunks.push(Buffer.from(text.slice(start), 'utf8'));
  return Buffer.concat(chunks);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** UTF-8 byte length of a JavaScript string, counting escaped bytes as one. */
export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (isHighSurrogate(c) && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else if (isEscapedByte(c)) n += 1;
    else n += 3;
  }
  return n;
}
