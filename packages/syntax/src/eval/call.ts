/**
 * Calling a function value (upstream `Value.Call`).
 *
 * A typed function has its argument count checked and each argument converted to its
 * parameter type before it runs; a raw function receives the arguments untouched and
 * checks them itself. Failures are thrown as value errors:
 * - a wrong argument count is about the function value, so it reads
 *   `string.join expected 2 args, got 1` at the callee;
 * - an argument that does not convert is an `ArgError`, so it points at that argument;
 * - a typed function's own failure (a `PlainError` it throws) becomes an error about the
 *   function value: `encoding.from_json unexpected end of JSON input`.
 * A raw function's errors pass through as it threw them; its plain errors stay undecorated
 * (`group_by: expected 3 arguments, got 2`), as upstream's are.
 */
import { convertToParam } from './convert.js';
import { ArgError, EvalError, PlainError, ValueError } from './errors.js';
import type { FunctionValue, ParamType, Value } from './value.js';

export function callFunction(fn: FunctionValue, args: readonly Value[]): Value {
  const { signature } = fn;
  if (signature.kind === 'raw') return fn.invoke(args);

  checkArity(fn, signature.params.length, signature.variadic, args.length);
  const converted = args.map((arg, index) => convertArgument(fn, arg, index, paramType(signature.params, index)));
  try {
    return fn.invoke(converted);
  } catch (error) {
    if (error instanceof PlainError) throw new ValueError(fn, error.message);
    throw error;
  }
}

function checkArity(fn: FunctionValue, declared: number, variadic: boolean, given: number): void {
  if (variadic && given < declared - 1) {
    throw new ValueError(fn, `expected at least ${declared - 1} args, got ${given}`);
  }
  if (!variadic && given !== declared) throw new ValueError(fn, `expected ${declared} args, got ${given}`);
}

/** The type of parameter `index`; extra arguments of a variadic function take the last one. */
function paramType(params: readonly ParamType[], index: number): ParamType {
  return params[Math.min(index, params.length - 1)]!;
}

function convertArgument(fn: FunctionValue, arg: Value, index: number, type: ParamType): Value {
  try {
    return convertToParam(arg, type);
  } catch (error) {
    if (error instanceof EvalError) throw new ArgError(fn, arg, index, error);
    throw error;
  }
}
