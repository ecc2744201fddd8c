import { describe, expect, it } from 'vitest';
import { callFunction } from './call.js';
import { ArgError, PlainError, ValueError } from './errors.js';
import { bool, int, rawFunction, string, typedFunction, type Value } from './value.js';

const echo = (args: readonly Value[]): Value => args[0] ?? string('none');

describe('callFunction', () => {
  it('checks the count of a typed function', () => {
    const fn = typedFunction(['string'], echo);
    expect(() => callFunction(fn, [])).toThrow(new ValueError(fn, 'expected 1 args, got 0'));
    expect(() => callFunction(fn, [string('a'), string('b')])).toThrow('expected 1 args, got 2');
  });

  it('a variadic function needs all but the last parameter', () => {
    const fn = typedFunction(['string', 'any'], (args) => int(BigInt(args.length)), true);
    expect(() => callFunction(fn, [])).toThrow(new ValueError(fn, 'expected at least 1 args, got 0'));
    expect(callFunction(fn, [string('a'), bool(true), bool(false)])).toEqual(int(3n));
  });

  it('converts arguments, extra ones to the last parameter type', () => {
    const fn = typedFunction(['string'], (args) => string(args.map((a) => (a.type === 'string' ? a.value : '?')).join()), true);
    expect(callFunction(fn, [int(1n), int(2n)])).toEqual(string('1,2'));
  });

  it('a failed conversion is an ArgError at that argument', () => {
    const fn = typedFunction(['string', 'string'], echo);
    const bad = bool(true);
    try {
      callFunction(fn, [string('a'), bad]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ArgError);
      expect(error).toMatchObject({ fn, argument: bad, index: 1, message: 'expected string, got bool' });
    }
  });

  it("a typed function's own failure is about the function", () => {
    const fn = typedFunction([], () => { throw new PlainError('unexpected end of JSON input'); });
    expect(() => callFunction(fn, [])).toThrow(new ValueError(fn, 'unexpected end of JSON input'));
  });

  it('a raw function gets its arguments as they are and its errors pass through', () => {
    const seen: Value[] = [];
    const fn = rawFunction((args) => { seen.push(...args); throw new PlainError('group_by: expected 3 arguments, got 1'); });
    const arg = bool(true);
    expect(() => callFunction(fn, [arg])).toThrow(PlainError);
    expect(seen[0]).toBe(arg);
  });
});
