import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diag/diagnostic.js';
import { scopeOf } from '../eval/scope.js';
import { OptionalSecret, Secret, optionalSecretValue, secretValue } from '../eval/secret.js';
import { capsule, int, type Capsule, type Value } from '../eval/value.js';
import { parseFile } from '../parser/parse.js';
import { decodeBody } from './decode-body.js';
import { zeroValue } from './decode-value.js';
import { attr, block } from './schema.js';
import { t, type AttrType } from './types.js';

class Receiver implements Capsule {
  readonly typeName = 'pyroscope.Appendable';
  equals(other: Capsule): boolean {
    return other === this;
  }
}
const isReceiver = (c: Capsule): c is Receiver => c instanceof Receiver;

/** Decodes `x = <expr>` into a field of `type`: the value, or the diagnostic as Go prints it. */
function decodeAs(type: AttrType, expr: string, variables: Record<string, Value> = {}): { value: unknown } | { error: string } {
  const parsed = parseFile(`x = ${expr}`);
  expect(parsed.diagnostics).toEqual([]);
  const result = decodeBody(parsed.file.body, block({ fields: { x: attr(type) } }), scopeOf(variables));
  if (!result.ok) return { error: result.diagnostics.map(formatDiagnostic).join('\n') };
  return { value: (result.value as { x: unknown }).x };
}

const ok = (value: unknown) => ({ value });
const error = (text: string) => ({ error: text });

describe('numbers: Go conversions, no range checks', () => {
  it.each([
    [t.uint8, '300', 44],
    [t.int8, '200', -56],
    [t.uint, '-1', 2 ** 64],
    [t.uint32, '-1', 2 ** 32 - 1],
    [t.int, '3.7', 3],
    [t.int, '-3.7', -3],
    [t.int16, '"70000"', 4464],
    [t.float64, '"1.5"', 1.5],
    [t.float32, '0.1', Math.fround(0.1)],
    [t.int, '"-12"', -12],
  ] as const)('%o ← %s', (type, expr, expected) => {
    expect(decodeAs(type, expr)).toEqual(ok(expected));
  });

  it('refuses what is not a number', () => {
    expect(decodeAs(t.int, '"-1.5"')).toEqual(error('1:5: "-1.5" should be number, got string'));
    expect(decodeAs(t.int, 'true')).toEqual(error('1:5: true should be number, got bool'));
    expect(decodeAs(t.int, 'opt', { opt: optionalSecretValue('12', false) })).toEqual(ok(12));
    expect(decodeAs(t.int, 'sec', { sec: secretValue('12') })).toEqual(error('1:5: sec should be number, got capsule'));
  });
});

describe('strings and bools', () => {
  it('a number becomes its text, nothing else does', () => {
    expect(decodeAs(t.string, '1.50')).toEqual(ok('1.5'));
    expect(decodeAs(t.string, '[0, 1, 2]')).toEqual(error('1:5: [0, 1, 2] should be string, got array'));
    expect(decodeAs(t.string, 'sec', { sec: secretValue('s') })).toEqual(error('1:5: sec secrets may not be converted into strings'));
    expect(decodeAs(t.bool, '"true"')).toEqual(error('1:5: "true" should be bool, got string'));
  });

  it('null is the zero value of any type', () => {
    expect(decodeAs(t.string, 'null')).toEqual(ok(''));
    expect(decodeAs(t.bool, 'null')).toEqual(ok(false));
    expect(decodeAs(t.object({ a: t.int, b: t.array(t.string) }), 'null')).toEqual(ok({ a: 0, b: [] }));
    expect(zeroValue(t.array(t.int, 2))).toEqual([0, 0]);
  });
});

describe('durations', () => {
  it.each([
    ['"1m30s"', 90_000],
    ['"1.5h"', 5_400_000],
    ['"-10ms"', -10],
    ['"100µs"', 0.1],
    ['"0"', 0],
  ])('%s', (expr, ms) => {
    expect(decodeAs(t.duration, expr)).toEqual(ok(ms));
  });

  it.each([
    ['"abc"', '1:5: "abc" time: invalid duration "abc"'],
    ['"10"', '1:5: "10" time: missing unit in duration "10"'],
    ['"1x"', '1:5: "1x" time: unknown unit "x" in duration "1x"'],
    ['""', '1:5: "" time: invalid duration ""'],
    ['5', '1:5: 5 time: missing unit in duration "5"'],
    ['true', '1:5: true should be string, got bool'],
  ])('%s fails', (expr, message) => {
    expect(decodeAs(t.duration, expr)).toEqual(error(message));
  });
});

describe('secrets', () => {
  it('convert as upstream converts them', () => {
    expect(decodeAs(t.secret, '1')).toEqual(error('1:5: 1 should be capsule, got number'));
    expect(decodeAs(t.optionalSecret, 'sec', { sec: secretValue('s') })).toEqual(ok(new OptionalSecret('s', true)));
    expect(decodeAs(t.secret, 'opt', { opt: optionalSecretValue('o', false) })).toEqual(ok(new Secret('o')));
  });
});

describe('containers', () => {
  it('arrays, with element paths when the value is not written out', () => {
    expect(decodeAs(t.array(t.int), '[1, "2"]')).toEqual(ok([1, 2]));
    expect(decodeAs(t.array(t.int), '[1, true]')).toEqual(error('1:9: true should be number, got bool'));
    expect(decodeAs(t.array(t.int), 'list', { list: { type: 'array', elements: [int(1n), { type: 'bool', value: true }] } })).toEqual(
      error('1:5: list[1] should be number, got bool'),
    );
    expect(decodeAs(t.array(t.int, 3), '[1, 2]')).toEqual(error('1:5: [1, 2] array must have exactly 3 elements, got 2'));
  });

  it('maps keep every key', () => {
    expect(decodeAs(t.map(t.string), '{ b = 1, a = "x", __proto__ = "p" }')).toEqual(
      ok(Object.defineProperty({ b: '1', a: 'x' }, '__proto__', { value: 'p', enumerable: true })),
    );
    expect(decodeAs(t.map(t.string), '[]')).toEqual(error('1:5: [] should be object, got array'));
  });

  it('objects into structs: unknown keys at their value, missing keys at zero', () => {
    const type = t.object({ url: t.string, retries: t.int });
    expect(decodeAs(type, '{ url = "u" }')).toEqual(ok({ url: 'u', retries: 0 }));
    expect(decodeAs(type, '{ url = "u", bogus = 1 }')).toEqual(error('1:26: 1 does not have field named "bogus"'));
    expect(decodeAs(type, '{ retries = "many" }')).toEqual(error('1:17: "many" should be number, got string'));
    expect(decodeAs(type, 'true')).toEqual(error('1:5: true should be object, got bool'));
  });

  it('any keeps the evaluated value', () => {
    const decoded = decodeAs(t.any, '18446744073709551615') as { value: Value };
    expect(decoded.value).toMatchObject({ type: 'number', kind: 'uint', value: 2n ** 64n - 1n });
  });
});

describe('capsules', () => {
  const type = t.capsule('pyroscope.Appendable', isReceiver);
  const receiver = new Receiver();

  it('accepts only the guarded host type', () => {
    expect(decodeAs(type, 'r', { r: capsule(receiver) })).toEqual(ok(receiver));
    expect(decodeAs(type, 'null')).toEqual(ok(null));
    expect(decodeAs(type, 's', { s: secretValue('x') })).toEqual(
      error('1:5: s expected capsule("pyroscope.Appendable"), got capsule("alloytypes.Secret")'),
    );
    expect(decodeAs(type, '"r"')).toEqual(error('1:5: "r" should be capsule, got string'));
  });
});
