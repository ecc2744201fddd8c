import { Secret } from '@ingot/syntax';
import { describe, expect, it } from 'vitest';
import { deepEqual } from './deep-equal.js';

describe('deepEqual', () => {
  it('compares plain data structurally', () => {
    expect(deepEqual({ a: [1, { b: 'x' }], c: 2n }, { a: [1, { b: 'x' }], c: 2n })).toBe(true);
    expect(deepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(NaN, NaN)).toBe(true);
    expect(deepEqual(new Map([['k', { v: 1 }]]), new Map([['k', { v: 1 }]]))).toBe(true);
    expect(deepEqual(new Map([['k', 1]]), new Map([['j', 1]]))).toBe(false);
  });

  it('compares class instances with their own equals, else by identity', () => {
    expect(deepEqual(new Secret('a'), new Secret('a'))).toBe(true);
    expect(deepEqual(new Secret('a'), new Secret('b'))).toBe(false);
    class Receiver {}
    const receiver = new Receiver();
    expect(deepEqual({ r: receiver }, { r: receiver })).toBe(true);
    expect(deepEqual({ r: receiver }, { r: new Receiver() })).toBe(false);
  });
});
