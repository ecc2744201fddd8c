import { describe, expect, it } from 'vitest';
import { formatDuration, millisecondsToNanoseconds, parseDuration } from './duration.js';

describe('parseDuration (Go time.ParseDuration)', () => {
  it.each([
    ['0', 0n],
    ['-0', 0n],
    ['+5s', 5_000_000_000n],
    ['1h30m', 5_400_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['.5s', 500_000_000n],
    ['5.s', 5_000_000_000n],
    ['100us', 100_000n],
    ['100\u00b5s', 100_000n],
    ['100\u03bcs', 100_000n],
    ['1ns1ms', 1_000_001n],
    ['-1m', -60_000_000_000n],
    ['9223372036854775807ns', 2n ** 63n - 1n],
    ['-9223372036854775808ns', -(2n ** 63n)],
    ['0.000000001s', 1n],
    ['1.0000000001s', 1_000_000_000n],
  ])('%s', (text, nanoseconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, nanoseconds });
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['abc', 'time: invalid duration "abc"'],
    ['10', 'time: missing unit in duration "10"'],
    ['1x', 'time: unknown unit "x" in duration "1x"'],
    ['.s', 'time: invalid duration ".s"'],
    ['-', 'time: invalid duration "-"'],
    ['1s 2s', 'time: unknown unit "s " in duration "1s 2s"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
    ['1\u00e9', 'time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"'],
    ['"1"s', 'time: invalid duration "\\"1\\"s"'],
  ])('%s fails: %s', (text, message) => {
    expect(parseDuration(text)).toEqual({ ok: false, message });
  });
});

describe('formatDuration (Go Duration.String)', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [1_500n, '1.5µs'],
    [100_000n, '100µs'],
    [500_000_000n, '500ms'],
    [1_500_000_000n, '1.5s'],
    [10_000_000_000n, '10s'],
    [90_000_000_000n, '1m30s'],
    [3_600_000_000_000n, '1h0m0s'],
    [-5_400_000_000_000n, '-1h30m0s'],
    [2n ** 63n - 1n, '2562047h47m16.854775807s'],
    [-(2n ** 63n), '-2562047h47m16.854775808s'],
  ])('%s', (nanoseconds, text) => {
    expect(formatDuration(nanoseconds)).toBe(text);
  });

  it('round-trips the milliseconds decoded arguments hold', () => {
    expect(formatDuration(millisecondsToNanoseconds(30_000))).toBe('30s');
    expect(formatDuration(millisecondsToNanoseconds(0.000001))).toBe('1ns');
  });
});
