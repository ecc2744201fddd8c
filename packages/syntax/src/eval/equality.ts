/**
 * `==` on two values (upstream `valuesEqual`). Values of different types are unequal, never
 * an error. Numbers compare after promotion (`3 == 3.0`), containers element by element,
 * and functions are never equal, not even to themselves.
 */
import { compareNumbers } from './number.js';
import type { Value } from './value.js';

export function valuesEqual(a: Value, b: Value): boolean {
  switch (a.type) {
    case 'null':
      return b.type === 'null';
    case 'number':
      return b.type === 'number' && compareNumbers(a, b) === 0;
    case 'string':
    case 'bool':
      return b.type === a.type && b.value === a.value;
    case 'array':
      return (
        b.type === 'array' &&
        a.elements.length === b.elements.length &&
        a.elements.every((element, i) => valuesEqual(element, b.elements[i]!))
      );
    case 'object': {
      if (b.type !== 'object' || a.fields.size !== b.fields.size) return false;
      for (const [key, field] of a.fields) {
        const other = b.fields.get(key);
        if (other === undefined || !valuesEqual(field, other)) return false;
      }
      return true;
    }
    case 'function':
      return false;
    case 'capsule':
      return b.type === 'capsule' && a.capsule.equals(b.capsule);
  }
}
