/**
 * Go's `time.ParseDuration` and `Duration.String()`, exactly: Alloy durations are written
 * `"1m30s"` and its error texts (`time: missing unit in duration "10"`) reach the user.
 *
 * The arithmetic runs on nanoseconds in `bigint`, as Go's does on `uint64`, so overflow
 * and rounding match; the result is handed out in milliseconds, the unit Ingot's decoded
 * arguments use.
 */
import { encodeSourceText } from '../source/source-text.js';

const NANOSECONDS_PER_MILLISECOND = 1_000_000;
const LIMIT = 1n << 63n;

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // U+00B5 micro sign
  ['\u03bcs', 1_000n], // U+03BC Greek small letter mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

export type DurationParse =
  | { readonly ok: true; readonly nanoseconds: bigint }
  | { readonly ok: false; readonly message: string };

/** Parses `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` as Go does, into nanoseconds. */
export function parseDuration(text: string): DurationParse {
  const invalid = { ok: false, message: `time: invalid duration ${goTimeQuote(text)}` } as const;
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, nanoseconds: 0n };
  if (rest === '') return invalid;

  let total = 0n;
  while (rest !== '') {
    if (!(rest[0] === '.' || isDigit(rest[0]))) return invalid;

    const whole = leadingInt(rest);
    if (whole === undefined) return invalid;
    const hasWhole = whole.rest.length !== rest.length;
    rest = whole.rest;

    let fraction: Fraction = { digits: 0n, scale: 1, rest };
    if (rest.startsWith('.')) fraction = leadingFraction(rest.slice(1));
    const hasFraction = rest.startsWith('.') && fraction.rest.length !== rest.length - 1;
    rest = fraction.rest;
    if (!hasWhole && !hasFraction) return invalid;

    let unitEnd = 0;
    while (unitEnd < rest.length && rest[unitEnd] !== '.' && !isDigit(rest[unitEnd])) unitEnd++;
    if (unitEnd === 0) return { ok: false, message: `time: missing unit in duration ${goTimeQuote(text)}` };
    const unitName = rest.slice(0, unitEnd);
    rest = rest.slice(unitEnd);
    const unit = UNITS.get(unitName);
    if (unit === undefined) {
      return { ok: false, message: `time: unknown unit ${goTimeQuote(unitName)} in duration ${goTimeQuote(text)}` };
    }

    if (whole.value > LIMIT / unit) return invalid;
    let value = whole.value * unit;
    if (fraction.digits > 0n) {
      // Go: uint64(float64(f) * (float64(unit) / scale)), in doubles, truncated.
      value += BigInt(Math.trunc(Number(fraction.digits) * (Number(unit) / fraction.scale)));
      if (value > LIMIT) return invalid;
    }
    total += value;
    if (total > LIMIT) return invalid;
  }
  if (negative) return { ok: true, nanoseconds: -total };
  if (total > LIMIT - 1n) return invalid;
  return { ok: true, nanoseconds: total };
}

/** Milliseconds to nanoseconds, rounded to Go's integer resolution. */
export function millisecondsToNanoseconds(milliseconds: number): bigint {
  return BigInt(Math.round(milliseconds * NANOSECONDS_PER_MILLISECOND));
}

export function nanosecondsToMilliseconds(nanoseconds: bigint): number {
  return Number(nanoseconds) / NANOSECONDS_PER_MILLISECOND;
}

/** Go's `Duration.String()`: `1h0m0s`, `1m30s`, `1.5s`, `500ms`, `100µs`, `0s`. */
export function formatDuration(nanoseconds: bigint): string {
  const negative = nanoseconds < 0n;
  // Go negates in uint64, so the minimum int64 stays 2^63.
  const magnitude = negative ? -nanoseconds : nanoseconds;
  const sign = negative ? '-' : '';
  if (magnitude === 0n) return '0s';
  if (magnitude < 1_000_000_000n) {
    if (magnitude < 1_000n) return `${sign}${magnitude}ns`;
    if (magnitude < 1_000_000n) return `${sign}${withFraction(magnitude, 3)}\u00b5s`;
    return `${sign}${withFraction(magnitude, 6)}ms`;
  }
  const seconds = withFraction(magnitude % 60_000_000_000n, 9);
  const minutes = magnitude / 60_000_000_000n;
  if (minutes === 0n) return `${sign}${seconds}s`;
  const hours = minutes / 60n;
  if (hours === 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${hours}h${minutes % 60n}m${seconds}s`;
}

/** `value / 10^precision` in decimal, without trailing zeros or a bare point (Go `fmtFrac`). */
function withFraction(value: bigint, precision: number): string {
  const scale = 10n ** BigInt(precision);
  const fraction = (value % scale).toString().padStart(precision, '0').replace(/0+$/, '');
  return fraction === '' ? `${value / scale}` : `${value / scale}.${fraction}`;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Go `leadingInt`: the leading digits; `undefined` when they overflow 2^63. */
function leadingInt(text: string): { value: bigint; rest: string } | undefined {
  let i = 0;
  let value = 0n;
  for (; i < text.length && isDigit(text[i]); i++) {
    if (value > LIMIT / 10n) return undefined;
    value = value * 10n + BigInt(text.charCodeAt(i) - 48);
    if (value > LIMIT) return undefined;
  }
  return { value, rest: text.slice(i) };
}

interface Fraction {
  readonly digits: bigint;
  readonly scale: number;
  readonly rest: string;
}

/** Go `leadingFraction`: digits after the point; past 2^63 they stop adding precision. */
function leadingFraction(text: string): Fraction {
  let i = 0;
  let digits = 0n;
  let scale = 1;
  let overflow = false;
  for (; i < text.length && isDigit(text[i]); i++) {
    if (overflow) continue;
    if (digits > (LIMIT - 1n) / 10n) {
      overflow = true;
      continue;
    }
    const next = digits * 10n + BigInt(text.charCodeAt(i) - 48);
    if (next > LIMIT) {
      overflow = true;
      continue;
    }
    digits = next;
    scale *= 10;
  }
  return { digits, scale, rest: text.slice(i) };
}

/**
 * The `time` package's own quoting (not `strconv.Quote`): printable ASCII as is with `"`
 * and `\` escaped, every other character as `\x` escapes of its UTF-8 bytes.
 */
function goTimeQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code < 0x80) {
      out += char === '"' || char === '\\' ? `\\${char}` : char;
    } else {
      for (const byte of encodeSourceText(char)) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    }
  }
  return `${out}"`;
}
