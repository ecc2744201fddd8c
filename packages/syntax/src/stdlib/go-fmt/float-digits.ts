/**
 * Decimal digits of a float64 as Go's `strconv` computes them: the shortest digits that
 * read back to the same float, or the exact value rounded (half to even) to a number of
 * significant digits or of decimals. JavaScript's `toFixed` and `toExponential` round
 * halves up and stop at 100 digits, so the exact expansion is done here with `bigint`.
 */

/** `0.d × 10^dp`, with `d` free of leading and trailing zeros (`""` for zero). */
export interface Digits {
  readonly d: string;
  readonly dp: number;
}

export function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const [mantissa = '', exponent = '0'] = Math.abs(x).toExponential().split('e');
  return trimmed(mantissa.replace('.', ''), Number(exponent) + 1);
}

/** The exact digits rounded to `significant` digits (at least one). */
export function significantDigits(x: number, significant: number): Digits {
  const exact = exactDigits(x);
  return roundAt(exact, Math.max(significant, 1));
}

/** The exact digits rounded to `decimals` places after the decimal point. */
export function fixedDigits(x: number, decimals: number): Digits {
  const exact = exactDigits(x);
  return roundAt(exact, exact.dp + decimals);
}

function exactDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const { mantissa, exponent } = decompose(Math.abs(x));
  if (exponent >= 0) {
    const text = (mantissa << BigInt(exponent)).toString();
    return trimmed(text, text.length);
  }
  // m / 2^k = m × 5^k / 10^k.
  const text = (mantissa * 5n ** BigInt(-exponent)).toString();
  return trimmed(text, text.length + exponent);
}

/** `x = mantissa × 2^exponent` with an integer mantissa. */
export function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0
    ? { mantissa: fraction, exponent: -1074 }
    : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** Keeps `count` digits, rounding half to even on the exact remainder. */
function roundAt(digits: Digits, count: number): Digits {
  const { d, dp } = digits;
  if (count < 0) return { d: '', dp: 0 };
  if (count >= d.length) return digits;
  const next = d.charCodeAt(count) - 48;
  const restNonZero = /[1-9]/.test(d.slice(count + 1));
  const previousOdd = count > 0 && (d.charCodeAt(count - 1) - 48) % 2 === 1;
  const up = next > 5 || (next === 5 && (restNonZero || previousOdd));
  if (!up) return trimmed(d.slice(0, count), dp);
  if (count === 0) return { d: '1', dp: dp + 1 };
  const incremented = (BigInt(d.slice(0, count)) + 1n).toString();
  // A carry out of the first digit (999 → 1000) moves the decimal point.
  return trimmed(incremented, dp + (incremented.length - count));
}

function trimmed(d: string, dp: number): Digits {
  const leading = d.length - d.replace(/^0+/, '').length;
  const text = d.slice(leading).replace(/0+$/, '');
  return text === '' ? { d: '', dp: 0 } : { d: text, dp: dp - leading };
}
