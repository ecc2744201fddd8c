/**
 * Argument checks for raw functions, which receive their arguments unconverted. A wrong
 * argument is an `ArgError` pointing at it: `"a" should be array, got string`.
 */
import { ArgError, ValueTypeError } from '../eval/errors.js';
import type { FunctionValue, Value, ValueType } from '../eval/value.js';

type ValueOfType<T extends ValueType> = Extract<Value, { readonly type: T }>;

export function argumentOfType<T extends ValueType>(
  fn: FunctionValue,
  args: readonly Value[],
  index: number,
  type: T,
): ValueOfType<T> {
  const arg = args[index]!;
  if (arg.type !== type) throw new ArgError(fn, arg, index, new ValueTypeError(arg, type));
  return arg as ValueOfType<T>;
}

/**
 * The fields of an array element that must be an object: an object, or a capsule that can
 * show itself as one. Anything else fails at the element.
 */
export function elementFields(fn: FunctionValue, element: Value, index: number): ReadonlyMap<string, Value> {
  if (element.type === 'object') return element.fields;
  const converted = element.type === 'capsule' ? element.capsule.asObject?.() : undefined;
  if (converted !== undefined) return converted.fields;
  throw new ArgError(fn, element, index, new ValueTypeError(element, 'object'));
}
