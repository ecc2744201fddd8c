/**
 * Lengths of JavaScript strings measured the way upstream's Go code measures them.
 *
 * The formatter tracks source positions in UTF-8 bytes (as the AST does) and the
 * tabwriter measures cell widths in runes (code points); a JavaScript `length` is neither.
 */

/** The number of bytes `s` takes in UTF-8. */
export function utf8Length(s: string): number {
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if (isHighSurrogate(c) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      // A pair is two code units and four bytes.
      bytes += 2;
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/** The number of code points in `s` (Go's `utf8.RuneCountInString`). */
export function runeCount(s: string): number {
  let runes = s.length;
  for (let i = 1; i < s.length; i++) {
    if (isLowSurrogate(s.charCodeAt(i)) && isHighSurrogate(s.charCodeAt(i - 1))) {
      runes--;
    }
  }
  return runes;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
