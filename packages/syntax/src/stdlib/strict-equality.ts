/**
 * Equality without number promotion, as upstream compares the join keys of
 * `array.combine_maps` (Go `reflect.Value.Equal`): values of different kinds differ, and so
 * do an int `1` and a float `1.0`. Upstream crashes on arrays and objects; here they are
 * compared element by element under the same rule.
 */
import type { Value } from '../eval/value.js';

export function strictlyEqual(a: Value, b: Value): boolean {
  switch (a.type) {
    case 'null':
      return b.type === 'null';
    case 'number':
      return b.type === 'number' && a.kind === b.kind && a.value === b.value;
    case 'string':
    case 'bool':
      return b.type === a.type && a.value === b.value;
    case 'array':
      return (
        b.type === 'array' &&
        a.elements.length === b.elements.length &&
        a.elements.every((element, i) => strictlyEqual(element, b.elements[i]!))
      );
    case 'object': {
      if (b.type !== 'object' || a.fields.size !== b.fields.size) return false;
      for (const [key, value] of a.fields) {
        const other = b.fields.get(key);
        if (other === undefined || !strictlyEqual(value, other)) return false;
      }
      return true;
    }
    case 'function':
      return false;
    case 'capsule':
      return b.type === 'capsule' && a.capsule.equals(b.capsule);
  }
}
