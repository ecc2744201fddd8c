/**
 * Calling a function value (upstream `Value.Call`): argument count, conversion of each
 * argument to its parameter type, then the call. Failures are thrown as value errors.
 */
import { ValueError } from './errors.js';
import type { FunctionValue, Value } from './value.js';

export function callFunction(fn: FunctionValue, args: readonly Value[]): Value {
  // In progress: arity and argument conversion for typed functions.
  if (fn.signature.kind === 'typed') throw new ValueError(fn, 'typed calls are not available yet');
  return fn.invoke(args);
}
