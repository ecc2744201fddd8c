/**
 * Go's `strconv.FormatFloat(x, verb, precision, 64)` for the verbs `fmt` uses: `e E f F g
 * G x X b`. A precision of -1 means the shortest digits that round-trip.
 */
import { decompose, fixedDigits, shortestDigits, significantDigits, type Digits } from './float-digits.js';

export function formatFloat(x: number, verb: string, precision: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const negative = x < 0 || Object.is(x, -0);
  const sign = negative ? '-' : '';
  const magnitude = Math.abs(x);
  switch (verb) {
    case 'b':
      return sign + binaryExponent(magnitude);
    case 'x':
    case 'X':
      return sign + hexFloat(magnitude, precision, verb);
    case 'e':
    case 'E': {
      const digits = precision < 0 ? shortestDigits(magnitude) : significantDigits(magnitude, precision + 1);
      return sign + exponentForm(digits, precision < 0 ? Math.max(digits.d.length - 1, 0) : precision, verb);
    }
    case 'f':
    case 'F': {
      const digits = precision < 0 ? shortestDigits(magnitude) : fixedDigits(magnitude, precision);
      return sign + plainForm(digits, precision < 0 ? Math.max(digits.d.length - digits.dp, 0) : precision);
    }
    default:
      return sign + generalForm(magnitude, precision, verb === 'G' ? 'E' : 'e');
  }
}

function generalForm(x: number, precision: number, e: string): string {
  const shortest = precision < 0;
  const digits = shortest ? shortestDigits(x) : significantDigits(x, precision === 0 ? 1 : precision);
  let prec = shortest ? digits.d.length : precision === 0 ? 1 : precision;
  let exponentLimit = prec;
  if (exponentLimit > digits.d.length && digits.d.length >= digits.dp) exponentLimit = digits.d.length;
  // The shortest form switches to exponent notation from 1e+06, not at the digit count.
  if (shortest) exponentLimit = 6;
  const exponent = digits.dp - 1;
  if (exponent < -4 || exponent >= exponentLimit) {
    if (prec > digits.d.length) prec = digits.d.length;
    return exponentForm(digits, prec - 1, e);
  }
  if (prec > digits.dp) prec = digits.d.length;
  return plainForm(digits, Math.max(prec - digits.dp, 0));
}

/** `d.ddddde±dd`: `precision` digits after the point, at least two exponent digits. */
function exponentForm({ d, dp }: Digits, precision: number, e: string): string {
  let out = d[0] ?? '0';
  if (precision > 0) out += `.${d.slice(1, precision + 1).padEnd(precision, '0')}`;
  const exponent = d === '' ? 0 : dp - 1;
  const magnitude = Math.abs(exponent).toString().padStart(2, '0');
  return `${out}${e}${exponent < 0 ? '-' : '+'}${magnitude}`;
}

/** `ddd.ddd` with `precision` digits after the point. */
function plainForm({ d, dp }: Digits, precision: number): string {
  let out = dp > 0 ? d.slice(0, dp).padEnd(dp, '0') : '0';
  if (precision > 0) {
    out += '.';
    for (let i = 1; i <= precision; i++) out += d[dp + i - 1] ?? '0';
  }
  return out;
}

/** `%b`: the integer mantissa and the binary exponent, `4503599627370496p-52`. */
function binaryExponent(x: number): string {
  const { mantissa, exponent } = decompose(x);
  return `${mantissa}p${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
}

/** `%x`: `0x1.8p+00`, the mantissa in hex with its leading 1, then a binary exponent. */
function hexFloat(x: number, precision: number, verb: string): string {
  let { mantissa, exponent } = decompose(x);
  exponent += 52;
  if (mantissa === 0n) exponent = 0;
  // Normalise so the leading 1 sits at bit 60, four bits above the 15 hex digits.
  mantissa <<= 8n;
  while (mantissa !== 0n && (mantissa & (1n << 60n)) === 0n) {
    mantissa <<= 1n;
    exponent--;
  }
  if (precision >= 0 && precision < 15) {
    const shift = BigInt(precision * 4);
    const extra = (mantissa << shift) & ((1n << 60n) - 1n);
    mantissa >>= 60n - shift;
    if ((extra | (mantissa & 1n)) > 1n << 59n) mantissa++;
    mantissa <<= 60n - shift;
    if ((mantissa & (1n << 61n)) !== 0n) {
      mantissa >>= 1n;
      exponent++;
    }
  }
  const hex = (n: bigint): string => (verb === 'X' ? n.toString(16).toUpperCase() : n.toString(16));
  let out = `0${verb}${(mantissa >> 60n) & 1n}`;
  mantissa = (mantissa << 4n) & ((1n << 64n) - 1n);
  if ((precision < 0 && mantissa !== 0n) || precision > 0) {
    out += '.';
    for (let i = 0; precision < 0 ? mantissa !== 0n : i < precision; i++) {
      out += hex((mantissa >> 60n) & 15n);
      mantissa = (mantissa << 4n) & ((1n << 64n) - 1n);
    }
  }
  const magnitude = Math.abs(exponent).toString().padStart(2, '0');
  return `${out}${verb === 'X' ? 'P' : 'p'}${exponent < 0 ? '-' : '+'}${magnitude}`;
}
