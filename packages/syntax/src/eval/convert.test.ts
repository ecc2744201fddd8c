import { describe, expect, it } from 'vitest';
import { byteArray } from './byte-array.js';
import {
  convertToNumber,
  convertToOptionalSecret,
  convertToParam,
  convertToSecret,
  convertToString,
  convertToStringList,
} from './convert.js';
import { ElementError, ValueError, ValueTypeError } from './errors.js';
import { asOptionalSecret, asSecret, optionalSecretValue, secretValue } from './secret.js';
import { array, bool, float, int, NULL, object, string, uint } from './value.js';

describe('convertToString', () => {
  it.each([
    [string('x'), 'x'],
    [int(12n), '12'],
    [int(-15n), '-15'],
    [uint(18446744073709551615n), '18446744073709551615'],
    [float(1.5), '1.5'],
    [float(1e21), '1000000000000000000000'],
    [float(1e-7), '0.0000001'],
    [NULL, ''],
    [byteArray(Uint8Array.of(0x61, 0xc3, 0xa9)), 'aé'],
    [optionalSecretValue('plain', false), 'plain'],
  ])('%# gives %s', (value, text) => expect(convertToString(value).value).toBe(text));

  it('keeps a string as it is', () => {
    const s = string('x');
    expect(convertToString(s)).toBe(s);
  });

  it.each([bool(true), array([]), object(new Map())])('refuses a $type', (value) => {
    const error = (() => { try { convertToString(value); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(ValueTypeError);
    expect(error).toMatchObject({ value, expected: 'string' });
  });

  it.each([secretValue('s'), optionalSecretValue('s', true)])('refuses a secret', (value) => {
    expect(() => convertToString(value)).toThrow(new ValueError(value, 'secrets may not be converted into strings'));
  });

  it('an array of numbers that is not a byte array is no string', () => {
    expect(() => convertToString(array([int(97n)]))).toThrow(ValueTypeError);
  });
});

describe('convertToStringList', () => {
  it('converts each element; null is the empty list', () => {
    expect(convertToStringList(array([int(1n), NULL, string('a')])).elements.map((e) => e.type === 'string' && e.value)).toEqual(['1', '', 'a']);
    expect(convertToStringList(NULL).elements).toEqual([]);
  });

  it('a bad element is an element error about the array', () => {
    const list = array([string('a'), bool(true)]);
    try {
      convertToStringList(list);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ElementError);
      expect(error).toMatchObject({ value: list, index: 1, inner: { expected: 'string' } });
    }
  });

  it('a non-array is not a list', () => {
    expect(() => convertToStringList(string('a'))).toThrow('expected array, got string');
  });
});

describe('convertToSecret', () => {
  it.each([
    [string('s'), 's'], [NULL, ''], [optionalSecretValue('o', false), 'o'], [optionalSecretValue('o', true), 'o'],
  ])('%# becomes the secret %s', (value, text) => expect(asSecret(convertToSecret(value))?.reveal()).toBe(text));

  it('keeps a secret as it is', () => {
    const secret = secretValue('s');
    expect(convertToSecret(secret)).toBe(secret);
  });

  it('a number is not a capsule', () => {
    expect(() => convertToSecret(int(1n))).toThrow('expected capsule, got number');
  });
});

describe('convertToNumber', () => {
  it.each([
    [string('12'), { kind: 'uint', value: 12n }],
    [string('-3'), { kind: 'int', value: -3n }],
    [string('1.5'), { kind: 'float', value: 1.5 }],
    [optionalSecretValue('7', false), { kind: 'uint', value: 7n }],
  ])('%# spells a number', (value, expected) => expect(convertToNumber(value)).toMatchObject(expected));

  it('keeps a number as it is', () => {
    const n = int(4n);
    expect(convertToNumber(n)).toBe(n);
  });

  it.each([string('x'), bool(true), NULL, optionalSecretValue('7', true), secretValue('7')])('refuses %#', (value) => {
    expect(() => convertToNumber(value)).toThrow(new ValueTypeError(value, 'number'));
  });
});

describe('convertToOptionalSecret', () => {
  it.each([
    [string('s'), 's', false], [NULL, '', false], [secretValue('t'), 't', true],
  ])('%# becomes the optional secret %s', (value, text, isSecret) => {
    const optional = asOptionalSecret(convertToOptionalSecret(value));
    expect([optional?.reveal(), optional?.isSecret]).toEqual([text, isSecret]);
  });

  it('keeps an optional secret as it is', () => {
    const optional = optionalSecretValue('o', true);
    expect(convertToOptionalSecret(optional)).toBe(optional);
  });

  it('a number is not a capsule', () => {
    expect(() => convertToOptionalSecret(int(1n))).toThrow('expected capsule, got number');
  });
});

describe('convertToParam', () => {
  it('passes anything to an any parameter untouched', () => {
    const value = object(new Map());
    expect(convertToParam(value, 'any')).toBe(value);
  });
});
