/**
 * The tabwriter measures cell widths in runes (code points), as Go's does; a JavaScript
 * `length` counts UTF-16 code units. (Byte lengths: `byteLength` in source-text.ts.)
 */

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
