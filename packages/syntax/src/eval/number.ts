/**
 * Numbers as upstream computes them: three kinds (`uint` < `int` < `float`), an operation
 * carried out in the higher kind of its operands, 64-bit integers that wrap, and Go's
 * spellings for reading and printing numbers.
 */
import { PlainError, ValueError } from './errors.js';
import {
  float,
  int,
  INT64_MAX,
  INT64_MIN,
  uint,
  UINT64_MAX,
  type FloatValue,
  type NumberKind,
  type NumberValue,
} from './value.js';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | '^';

const KIND_RANK: Readonly<Record<NumberKind, number>> = { uint: 0, int: 1, float: 2 };

/** The kind a binary operation on `a` and `b` runs in (upstream `fitNumberKinds`). */
export function commonKind(a: NumberKind, b: NumberKind): NumberKind {
  return KIND_RANK[a] > KIND_RANK[b] ? a : b;
}

/**
 * The number as an int64 (Go `Number.Int()`): a uint is reinterpreted in two's complement,
 * a float is truncated toward zero. A float Go cannot convert (NaN, out of range) gives
 * MinInt64, as Go does on amd64.
 */
export function toInt(n: NumberValue): bigint {
  if (n.kind !== 'float') return BigInt.asIntN(64, n.value);
  return floatToInteger(n.value, INT64_MIN, INT64_MAX) ?? INT64_MIN;
}

/** The number as a uint64 (Go `Number.Uint()`): an int is reinterpreted, a float truncated. */
export function toUint(n: NumberValue): bigint {
  if (n.kind !== 'float') return BigInt.asUintN(64, n.value);
  // Out of uint64 range (a negative float among others) Go goes through int64.
  return floatToInteger(n.value, 0n, UINT64_MAX) ?? BigInt.asUintN(64, toInt(n));
}

/** The number as a float64, rounded to nearest as Go's conversions are. */
export function toFloat(n: NumberValue): number {
  return n.kind === 'float' ? n.value : Number(n.value);
}

function floatToInteger(f: number, min: bigint, max: bigint): bigint | undefined {
  if (!Number.isFinite(f)) return undefined;
  const truncated = BigInt(Math.trunc(f));
  return truncated >= min && truncated <= max ? truncated : undefined;
}

// ---------------------------------------------------------------------------------------
// Literals

/**
 * A NUMBER literal (always decimal digits): Go `ParseInt(lit, 0, 64)`, then `ParseUint`,
 * then `ParseFloat`. Base 0 reads a leading `0` as octal, so `010` is 8 while `08`, not
 * being octal, falls through to float 8.
 */
export function numberFromLiteral(raw: string): NumberValue {
  const integer = parseBaseZero(raw);
  if (integer !== undefined) {
    if (integer <= INT64_MAX) return int(integer);
    if (integer <= UINT64_MAX) return uint(integer);
  }
  return floatFromLiteral(raw);
}

/**
 * A FLOAT literal: Go `ParseFloat`. Overflow is an error without a position (upstream
 * returns `strconv`'s error as is); underflow is silently zero.
 */
export function floatFromLiteral(raw: string): FloatValue {
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new PlainError(`strconv.ParseFloat: parsing ${JSON.stringify(raw)}: value out of range`);
  return float(value);
}

function parseBaseZero(digits: string): bigint | undefined {
  if (!/^[0-9]+$/.test(digits)) return undefined;
  if (digits.length > 1 && digits.startsWith('0')) {
    return /^[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : undefined;
  }
  return BigInt(digits);
}

// ---------------------------------------------------------------------------------------
// Operators

/**
 * `lhs <op> rhs` on two numbers. `/` and `%` by zero fail on the right operand, checked in
 * its own kind before promotion, so IEEE infinities never come from a division.
 */
export function arithmetic(op: ArithmeticOperator, lhs: NumberValue, rhs: NumberValue): NumberValue {
  if ((op === '/' || op === '%') && isZero(rhs)) throw new ValueError(rhs, 'divide by zero error');
  switch (commonKind(lhs.kind, rhs.kind)) {
    case 'uint':
      return uint(integerArithmetic(op, toUint(lhs), toUint(rhs)));
    case 'int':
      return int(integerArithmetic(op, toInt(lhs), toInt(rhs)));
    case 'float':
      return float(floatArithmetic(op, toFloat(lhs), toFloat(rhs)));
  }
}

function isZero(n: NumberValue): boolean {
  return n.kind === 'float' ? n.value === 0 : n.value === 0n;
}

/** Exact integer arithmetic; the caller wraps the result to 64 bits of its kind. */
function integerArithmetic(op: ArithmeticOperator, a: bigint, b: bigint): bigint {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    // BigInt division truncates toward zero and the remainder takes the dividend's sign,
    // as Go's; MinInt64 / -1 overflows to 2^63, which wraps back to MinInt64 as in Go.
    case '/': return a / b;
    case '%': return a % b;
    case '^': return intPow(a, b);
  }
}

function floatArithmetic(op: ArithmeticOperator, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b; // JavaScript's % is C's fmod, as Go's math.Mod
    case '^': return goPow(a, b);
  }
}

/**
 * Upstream's `intPow`, whose loop multiplies `n` into itself for i = 2..m. That gives n^m
 * for m >= 2, but also `n` itself for any m below 2 other than 0 (`2 ^ -1` is 2). The
 * power is taken by squaring modulo 2^64, which wraps exactly as the loop's multiplications
 * do, so a huge exponent costs 64 steps rather than hanging.
 */
function intPow(n: bigint, m: bigint): bigint {
  if (m === 0n || n === 1n) return 1n;
  if (n === 0n && m > 0n) return 0n;
  if (m < 2n) return n;
  const modulus = 1n << 64n;
  let result = 1n;
  let base = BigInt.asUintN(64, n);
  for (let e = m; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
  }
  return result;
}

/** Go's `math.Pow`, which differs from `**` where 1 and -1 meet NaN or infinity. */
function goPow(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return x ** y;
}

/** Unary minus: integers of either kind negate as int64 (so uint max becomes 1). */
export function negate(n: NumberValue): NumberValue {
  return n.kind === 'float' ? float(-n.value) : int(-toInt(n));
}

/**
 * How `a` orders against `b` after promotion: negative, zero or positive, or NaN when a
 * NaN makes them unordered. A uint of 2^63 or more met with an int reads as negative.
 */
export function compareNumbers(a: NumberValue, b: NumberValue): number {
  switch (commonKind(a.kind, b.kind)) {
    case 'uint':
      return compareBigInts(toUint(a), toUint(b));
    case 'int':
      return compareBigInts(toInt(a), toInt(b));
    case 'float': {
      const x = toFloat(a);
      const y = toFloat(b);
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
    }
  }
}

function compareBigInts(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------
// Text

/**
 * A number as text (upstream `Number.ToString`): integers in base 10, floats as Go's
 * `FormatFloat(f, 'f', -1, 64)`: the shortest digits that read back to the same float,
 * never in exponent form (`1e21` is `1000000000000000000000`).
 */
export function numberToString(n: NumberValue): string {
  return n.kind === 'float' ? formatFloat(n.value) : n.value.toString();
}

function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // toExponential() without a digit count gives the shortest round-trip digits, as Go does.
  const [mantissa = '', exponent = '0'] = Math.abs(f).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const integerDigits = Number(exponent) + 1;
  let text: string;
  if (integerDigits <= 0) text = `0.${'0'.repeat(-integerDigits)}${digits}`;
  else if (integerDigits >= digits.length) text = digits + '0'.repeat(integerDigits - digits.length);
  else text = `${digits.slice(0, integerDigits)}.${digits.slice(integerDigits)}`;
  return f < 0 ? `-${text}` : text;
}

/**
 * A string read as a number, as decoding into a number does (upstream `convertValue`):
 * a leading `-` means a base-10 int64; text with `.`, `e` or `E` is a Go float; anything
 * else must be base-10 uint64 digits. `undefined` when the text is none of these; the
 * caller reports `expected number, got string`.
 */
export function parseNumberString(text: string): NumberValue | undefined {
  if (text === '') return undefined;
  if (text.startsWith('-')) {
    if (!/^-[0-9]+$/.test(text)) return undefined;
    const value = BigInt(text);
    return value >= INT64_MIN ? int(value) : undefined;
  }
  if (/[.eE]/.test(text)) {
    const value = parseGoFloat(text);
    return value === undefined ? undefined : float(value);
  }
  if (!/^[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value <= UINT64_MAX ? uint(value) : undefined;
}

const DECIMAL_FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?[0-9]+)$/;

/**
 * Go's `strconv.ParseFloat` on the forms a string holding `.`, `e` or `E` can take:
 * decimal and hexadecimal floats, with `_` between digits. Out of range is a failure.
 */
function parseGoFloat(text: string): number | undefined {
  if (text.includes('_')) {
    if (!underscoresSeparateDigits(text)) return undefined;
    text = text.replaceAll('_', '');
  }
  let value: number | undefined;
  if (DECIMAL_FLOAT.test(text)) value = Number(text);
  else value = parseHexFloat(text);
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function parseHexFloat(text: string): number | undefined {
  const match = HEX_FLOAT.exec(text);
  if (match === null) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  const mantissa = Number(BigInt(`0x${whole}${fraction}`));
  const scale = Number(exponent) - 4 * fraction.length;
  // Two half steps, so neither power of two overflows or underflows on its own.
  const half = Math.trunc(scale / 2);
  const magnitude = mantissa === 0 ? 0 : mantissa * 2 ** half * 2 ** (scale - half);
  return sign === '-' ? -magnitude : magnitude;
}

/** Go's `underscoreOK`: `_` only between digits, or between a base prefix and a digit. */
function underscoresSeparateDigits(text: string): boolean {
  const body = text.replace(/^[+-]/, '');
  const hex = /^0[xX]/.test(body);
  let previous: 'start' | 'digit' | 'underscore' | 'other' = 'start';
  let i = 0;
  if (/^0[bBoOxX]/.test(body)) {
    i = 2;
    previous = 'digit';
  }
  for (; i < body.length; i++) {
    const ch = body[i]!;
    if (/[0-9]/.test(ch) || (hex && /[a-fA-F]/.test(ch))) previous = 'digit';
    else if (ch === '_') {
      if (previous !== 'digit') return false;
      previous = 'underscore';
    } else {
      if (previous === 'underscore') return false;
      previous = 'other';
    }
  }
  return previous !== 'underscore';
}
