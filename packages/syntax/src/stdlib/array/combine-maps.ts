/**
 * `array.combine_maps(lhs, rhs, keys [, passthrough])` (experimental): every pair of an
 * object from `lhs` and one from `rhs` that agree on all `keys` merges into one object,
 * the right side's fields winning. With `passthrough`, a left object is also kept as it is
 * once for every right object it does not match (upstream's behaviour, not the docs'
 * "once"), so an empty `rhs` gives nothing at all.
 */
import { ArgError, PlainError, ValueTypeError } from '../../eval/errors.js';
import { array, object, rawFunction, type FunctionValue, type Value } from '../../eval/value.js';
import { argumentOfType, elementFields } from '../raw-arguments.js';
import { strictlyEqual } from '../strict-equality.js';

interface Entry {
  readonly value: Value;
  readonly fields: ReadonlyMap<string, Value>;
}

export const combineMaps: FunctionValue = rawFunction((args) => {
  if (args.length !== 3 && args.length !== 4) {
    throw new PlainError(`combine_maps: expected 3 or 4 arguments, got ${args.length}`);
  }
  const lhs = objectElements(args, 0);
  const rhs = objectElements(args, 1);
  const keys = mergeKeys(args);
  const passthrough = args.length === 4 && argumentOfType(combineMaps, args, 3, 'bool').value;

  const result: Value[] = [];
  for (const left of lhs) {
    for (const right of rhs) {
      if (keys.every((key) => matchesOn(key, left.fields, right.fields))) {
        result.push(object(new Map([...left.fields, ...right.fields])));
      } else if (passthrough) {
        result.push(left.value);
      }
    }
  }
  return array(result);
});

function objectElements(args: readonly Value[], index: number): Entry[] {
  const list = argumentOfType(combineMaps, args, index, 'array');
  return list.elements.map((value, i) => ({ value, fields: elementFields(combineMaps, value, i) }));
}

/**
 * The join keys: a non-empty array of strings. Upstream does not check the elements and
 * crashes on a non-string once it compares a pair; here it is an ordinary type error.
 */
function mergeKeys(args: readonly Value[]): string[] {
  const keys = argumentOfType(combineMaps, args, 2, 'array');
  if (keys.elements.length === 0) {
    throw new ArgError(combineMaps, keys, 2, new PlainError('combine_maps: merge conditions must not be empty'));
  }
  return keys.elements.map((key, i) => {
    if (key.type !== 'string') throw new ArgError(combineMaps, key, i, new ValueTypeError(key, 'string'));
    return key.value;
  });
}

function matchesOn(key: string, left: ReadonlyMap<string, Value>, right: ReadonlyMap<string, Value>): boolean {
  const l = left.get(key);
  const r = right.get(key);
  return l !== undefined && r !== undefined && strictlyEqual(l, r);
}
