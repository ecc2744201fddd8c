/**
 * Typed functions whose parameters are all strings, written over JavaScript strings: the
 * call machinery has already converted every argument (numbers to text, `null` to `""`).
 */
import { typedFunction, type FunctionValue, type Value } from '../eval/value.js';

export function stringFunction(arity: number, body: (...texts: string[]) => Value): FunctionValue {
  return typedFunction(Array(arity).fill('string'), (args) => body(...args.map(textOf)));
}

export function variadicStringFunction(body: (...texts: string[]) => Value): FunctionValue {
  return typedFunction(['string'], (args) => body(...args.map(textOf)), true);
}

/** The text of an argument converted to a string. */
export function textOf(value: Value | undefined): string {
  if (value?.type !== 'string') throw new TypeError(`a string parameter received ${value?.type ?? 'nothing'}`);
  return value.value;
}
