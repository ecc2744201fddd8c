/**
 * `==` on two values (upstream `valuesEqual`). Values of different types are unequal, never
 * an error. Numbers compare after promotion (`3 == 3.0`), containers element by element,
 * and functions are never equal, not even to themselves.
 *
 * `equalWith` is the same walk with another rule for numbers, for the places upstream
 * compares Go values rather than Alloy values (`array.combine_maps`, alloyjson's defaults).
 */
import { compareNumbers } from './number.js';
import type { NumberValue, Value } from './value.js';

export function valuesEqual(a: Value, b: Value): boolean {
  return equalWith(a, b, promotedEqual);
}

/** Structural equality, with `numbersEqual` deciding whether two numbers are the same. */
export function equalWith(a: Value, b: Value, numbersEqual: (a: NumberValue, b: NumberValue) => boolean): boolean {
  switch (a.type) {
    case 'null':
      return b.type === 'null';
    case 'number':
      return b.type === 'number' && numbersEqual(a, b);
    case 'string':
    case 'bool':
      return b.type === a.type && b.value === a.value;
    case 'array':
      return (
        b.type === 'array' &&
        a.elements.length === b.elements.length &&
        a.elements.every((element, i) => equalWith(element, b.elements[i]!, numbersEqual))
      );
    case 'object': {
      if (b.type !== 'object' || a.fields.size !== b.fields.size) return false;
      for (const [key, field] of a.fields) {
        const other = b.fields.get(key);
        if (other === undefined || !equalWith(field, other, numbersEqual)) return false;
      }
      return true;
    }
    case 'function':
      return false;
    case 'capsule':
      return b.type === 'capsule' && a.capsule.equals(b.capsule);
  }
}

function promotedEqual(a: NumberValue, b: NumberValue): boolean {
  return compareNumbers(a, b) === 0;
}
