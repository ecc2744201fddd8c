import { describe, expect, it } from 'vitest';
import { ValueError } from './errors.js';
import {
  arithmetic,
  compareNumbers,
  floatFromLiteral,
  negate,
  numberFromLiteral,
  numberToString,
  parseNumberString,
  toFloat,
  toInt,
  type ArithmeticOperator,
} from './number.js';
import { float, int, INT64_MAX, INT64_MIN, uint, UINT64_MAX, type NumberValue } from './value.js';

/** `kind text`, so one string states both what a number is and its value. */
function show(n: NumberValue): string {
  return `${n.kind} ${numberToString(n)}`;
}

/** A test name for an operand: `int(3)`. */
function label(n: NumberValue): string {
  return `${n.kind}(${numberToString(n)})`;
}

describe('NUMBER literals', () => {
  it.each([
    ['0', 'int 0'],
    ['12', 'int 12'],
    ['9223372036854775807', 'int 9223372036854775807'],
    ['9223372036854775808', 'uint 9223372036854775808'],
    ['18446744073709551615', 'uint 18446744073709551615'],
    ['18446744073709551616', 'float 18446744073709552000'],
    // Base 0: a leading zero is octal, and what is not octal falls through to float.
    ['010', 'int 8'],
    ['0777', 'int 511'],
    ['08', 'float 8'],
    ['0128', 'float 128'],
    ['01777777777777777777777', 'uint 18446744073709551615'],
  ])('%s is %s', (raw, expected) => {
    expect(show(numberFromLiteral(raw))).toBe(expected);
  });

  it('fails without a position past the float range, as strconv does', () => {
    expect(() => numberFromLiteral('9'.repeat(400))).toThrow(/^strconv.ParseFloat: parsing "9+": value out of range$/);
  });
});

describe('FLOAT literals', () => {
  it.each([['1.', 1], ['.5', 0.5], ['1e3', 1000], ['1E-2', 0.01], ['1e-400', 0]])('%s is %s', (raw, value) => {
    expect(floatFromLiteral(raw)).toEqual(float(value));
  });

  it('reports overflow with strconv wording', () => {
    expect(() => floatFromLiteral('1e400')).toThrow('strconv.ParseFloat: parsing "1e400": value out of range');
  });
});

describe('arithmetic', () => {
  const cases: [NumberValue, ArithmeticOperator, NumberValue, string][] = [
    [int(3n), '+', int(5n), 'int 8'],
    [uint(3n), '-', uint(5n), 'uint 18446744073709551614'],
    [int(3n), '-', uint(5n), 'int -2'],
    [int(INT64_MAX), '+', int(1n), 'int -9223372036854775808'],
    [uint(UINT64_MAX), '+', uint(1n), 'uint 0'],
    [int(1n << 62n), '*', int(4n), 'int 0'],
    [int(7n), '/', int(2n), 'int 3'],
    [int(-7n), '/', int(2n), 'int -3'],
    [float(7), '/', int(2n), 'float 3.5'],
    [int(INT64_MIN), '/', int(-1n), 'int -9223372036854775808'],
    [int(-7n), '%', int(2n), 'int -1'],
    [int(7n), '%', int(-2n), 'int 1'],
    [int(INT64_MIN), '%', int(-1n), 'int 0'],
    [float(5.5), '%', int(2n), 'float 1.5'],
    [float(1e308), '*', int(10n), 'float +Inf'],
    [uint(18446744073709551615n), '+', int(1n), 'int 0'],
    [uint(1n), '+', float(0.5), 'float 1.5'],
  ];
  it.each(cases.map(([a, op, b, e]) => [`${label(a)} ${op} ${label(b)}`, a, op, b, e] as const))('%s', (_, a, op, b, expected) => {
    expect(show(arithmetic(op, a, b))).toBe(expected);
  });

  it.each([int(0n), uint(0n), float(0), float(-0)].map((z) => [label(z), z] as const))('dividing by %s fails on the divisor', (_, zero) => {
    for (const op of ['/', '%'] as const) {
      let thrown: unknown;
      try {
        arithmetic(op, float(1), zero);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValueError);
      expect((thrown as ValueError).value).toBe(zero);
      expect((thrown as ValueError).inner).toBe('divide by zero error');
    }
  });

  it('checks for zero in the divisor\'s own kind, before promotion', () => {
    // 0.1 is not zero even though the operation runs in float; 0 as an int is.
    expect(show(arithmetic('/', int(1n), float(0.5)))).toBe('float 2');
  });
});

describe('intPow', () => {
  it.each(([
    [int(3n), int(5n), 'int 243'],
    [int(0n), int(0n), 'int 1'],
    [int(0n), int(1n), 'int 0'],
    [int(2n), int(-1n), 'int 2'],
    [int(-3n), int(-2n), 'int -3'],
    [int(0n), int(-1n), 'int 0'],
    [int(1n), int(-5n), 'int 1'],
    [int(2n), int(64n), 'int 0'],
    [int(2n), int(63n), 'int -9223372036854775808'],
    [int(3n), int(40n), 'int -6289078614652622815'],
    [uint(3n), uint(41n), 'uint 18026252303461234787'],
    [float(42), int(-2n), 'float 0.0005668934240362812'],
    [int(2n), float(0.5), 'float 1.4142135623730951'],
    [float(-8), float(0.5), 'float NaN'],
    // A uint exponent read as int64 is negative: the loop never runs.
    [int(2n), uint(UINT64_MAX), 'int 2'],
  ] satisfies [NumberValue, NumberValue, string][]).map(([a, b, e]) => [`${label(a)} ^ ${label(b)}`, a, b, e] as const))('%s', (_, a, b, expected) => {
    expect(show(arithmetic('^', a, b))).toBe(expected);
  });

  it('is bounded on a huge exponent', () => {
    const started = performance.now();
    expect(show(arithmetic('^', uint(3n), uint(UINT64_MAX)))).toMatch(/^uint \d+$/);
    expect(show(arithmetic('^', int(3n), int(INT64_MAX)))).toMatch(/^int -?\d+$/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('follows Go where 1 and -1 meet NaN and infinities', () => {
    expect(show(arithmetic('^', float(1), float(NaN)))).toBe('float 1');
    expect(show(arithmetic('^', float(-1), float(Infinity)))).toBe('float 1');
  });
});

describe('unary minus', () => {
  it.each(([
    [uint(UINT64_MAX), 'int 1'],
    [uint(1n << 63n), 'int -9223372036854775808'],
    [int(0n), 'int 0'],
    [float(0), 'float -0'],
    [int(5n), 'int -5'],
  ] satisfies [NumberValue, string][]).map(([n, e]) => [`-${label(n)}`, n, e] as const))('%s', (_, n, expected) => {
    expect(show(negate(n))).toBe(expected);
  });
});

describe('comparison', () => {
  it('promotes across kinds', () => {
    expect(compareNumbers(int(3n), float(3))).toBe(0);
    expect(compareNumbers(int(1n), float(1.5))).toBeLessThan(0);
    expect(compareNumbers(float(0), float(-0))).toBe(0);
    expect(compareNumbers(int(9007199254740993n), float(9007199254740992))).toBe(0);
  });

  it('reads a large uint as negative against an int', () => {
    expect(compareNumbers(uint(UINT64_MAX), int(0n))).toBeLessThan(0);
    expect(compareNumbers(uint(UINT64_MAX), int(-1n))).toBe(0);
    expect(compareNumbers(uint(UINT64_MAX), uint(0n))).toBeGreaterThan(0);
  });

  it('leaves NaN unordered', () => {
    expect(compareNumbers(float(NaN), float(NaN))).toBeNaN();
  });
});

describe('numberToString', () => {
  it.each(([
    [int(-15n), '-15'],
    [uint(UINT64_MAX), '18446744073709551615'],
    [float(0.6), '0.6'],
    [float(3), '3'],
    [float(1e21), '1000000000000000000000'],
    [float(1e-7), '0.0000001'],
    [float(1.5e-10), '0.00000000015'],
    [float(123.456), '123.456'],
    [float(-0), '-0'],
    [float(Infinity), '+Inf'],
    [float(-Infinity), '-Inf'],
    [float(NaN), 'NaN'],
  ] satisfies [NumberValue, string][]).map(([n, t]) => [label(n), n, t] as const))('%s', (_, n, text) => {
    expect(numberToString(n)).toBe(text);
  });

  it('prints 1e300 as a 1 and 300 zeros', () => {
    expect(numberToString(float(1e300))).toBe(`1${'0'.repeat(300)}`);
  });
});

describe('parseNumberString', () => {
  it.each([
    ['12', 'uint 12'],
    ['18446744073709551615', 'uint 18446744073709551615'],
    ['-1', 'int -1'],
    ['-9223372036854775808', 'int -9223372036854775808'],
    ['1e5', 'float 100000'],
    ['.5', 'float 0.5'],
    ['5.', 'float 5'],
    ['+1.5', 'float 1.5'],
    ['1_000.5', 'float 1000.5'],
    ['0x1.8p1', 'float 3'],
  ])('reads %s as %s', (text, expected) => {
    expect(show(parseNumberString(text)!)).toBe(expected);
  });

  it.each(['', '-1.5', '-1e3', '+5', ' 5', '5 ', '0x10', 'inf', '1e400', '18446744073709551616', '-9223372036854775809', '1__0.5', '_1.5', '1_.5', '0x1e', '-'])(
    'rejects %j',
    (text) => {
      expect(parseNumberString(text)).toBeUndefined();
    },
  );
});

describe('conversions', () => {
  it('truncates floats toward zero and gives MinInt64 where Go cannot convert', () => {
    expect(toInt(float(1.9))).toBe(1n);
    expect(toInt(float(-1.9))).toBe(-1n);
    expect(toInt(float(NaN))).toBe(INT64_MIN);
    expect(toInt(float(1e300))).toBe(INT64_MIN);
    expect(toInt(uint(UINT64_MAX))).toBe(-1n);
  });

  it('rounds integers to the nearest float', () => {
    expect(toFloat(int(9007199254740993n))).toBe(9007199254740992);
    expect(toFloat(uint(UINT64_MAX))).toBe(18446744073709551616);
  });
});
