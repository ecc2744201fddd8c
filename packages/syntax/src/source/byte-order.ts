/**
 * Go compares strings byte by byte, on their UTF-8 encoding; upstream sorts object keys
 * (`sort.Strings`) and orders strings (`<`) that way. JavaScript compares UTF-16 code
 * units, which agrees only while no string holds a surrogate: a character above U+FFFF
 * sorts before U+E000..U+FFFF in UTF-16 but after them in UTF-8, and an escaped invalid
 * byte (a lone U+DC80..U+DCFF, see `source-text.ts`) must sort as the byte it stands for.
 */
import { encodeSourceText } from './source-text.js';

const SURROGATE = /[\ud800-\udfff]/;

/** Negative, zero or positive as `a` sorts before, with or after `b` in byte order. */
export function compareByteOrder(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(encodeSourceText(a), encodeSourceText(b));
}
