import { describe, expect, it } from 'vitest';
import { Secret } from '../eval/secret.js';
import { capsule, float, int, NULL, string, uint, type Capsule } from '../eval/value.js';
import { encodeValue } from './encode-value.js';
import { t } from './types.js';

describe('encodeValue', () => {
  it('keeps integer widths as int or uint, float widths as float', () => {
    expect(encodeValue(-3, t.int8)).toEqual(int(-3n));
    expect(encodeValue(300, t.uint16)).toEqual(uint(300n));
    expect(encodeValue(1.5, t.float32)).toEqual(float(1.5));
    // A double beyond 2^53 no longer holds the exact integer.
    expect(encodeValue(2 ** 64, t.uint64)).toEqual(float(2 ** 64));
  });

  it('writes a duration as Go text', () => {
    expect(encodeValue(90_000, t.duration)).toEqual(string('1m30s'));
    expect(encodeValue(0.1, t.duration)).toEqual(string('100µs'));
    expect(encodeValue(0, t.duration)).toEqual(string('0s'));
  });

  it('wraps secrets and capsules; a nil capsule is null', () => {
    const secret = new Secret('s');
    expect(encodeValue(secret, t.secret)).toEqual(capsule(secret));
    const host: Capsule = { typeName: 'x.Receiver', equals: (o) => o === host };
    const Receiver = t.capsule('x.Receiver', (c): c is Capsule => c === host);
    expect(encodeValue(host, Receiver)).toEqual(capsule(host));
    expect(encodeValue(null, Receiver)).toEqual(NULL);
  });

  it('orders a struct as declared and leaves a map unordered', () => {
    const struct = encodeValue({ b: 'x', a: 1 }, t.object({ b: t.string, a: t.int }));
    expect(struct).toMatchObject({ type: 'object', ordered: true });
    expect(struct.type === 'object' && [...struct.fields.keys()]).toEqual(['b', 'a']);
    expect(encodeValue({ b: 1 }, t.map(t.int))).toMatchObject({ type: 'object', ordered: false });
  });
});
