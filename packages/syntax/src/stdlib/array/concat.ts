/**
 * `array.concat(...arrays)`: the elements of every array, in order, without flattening.
 * Every argument must be an array (`null` is not); a single array comes back as it is.
 */
import { array, rawFunction, type ArrayValue, type FunctionValue } from '../../eval/value.js';
import { argumentOfType } from '../raw-arguments.js';

export const concat: FunctionValue = rawFunction((args) => {
  const arrays: ArrayValue[] = args.map((_, index) => argumentOfType(concat, args, index, 'array'));
  if (arrays.length === 1) return arrays[0]!;
  return array(arrays.flatMap((a) => a.elements));
});
