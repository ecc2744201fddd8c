/** Character classes and names as upstream's scanner defines them (Go's `unicode` package). */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
/** Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and U+0020. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

export function isLetter(cp: number): boolean {
  return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || cp === 0x5f ||
    (cp >= 0x80 && LETTER.test(String.fromCodePoint(cp)));
}

export function isDecimal(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

export function isDigit(cp: number): boolean {
  return isDecimal(cp) || (cp >= 0x80 && DIGIT.test(String.fromCodePoint(cp)));
}

/** Go's `%#U`: `U+0007`, or `U+2026 '…'` for a printable rune. */
export function describeRune(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const ch = String.fromCodePoint(cp);
  return PRINTABLE.test(ch) ? `${hex} '${ch}'` : hex;
}
