/**
 * Equality without number promotion, as upstream compares the join keys of
 * `array.combine_maps` (Go `reflect.Value.Equal`): values of different kinds differ, and so
 * do an int `1` and a float `1.0`. Upstream crashes on arrays and objects; here they are
 * compared element by element under the same rule.
 */
import { equalWith } from '../eval/equality.js';
import type { Value } from '../eval/value.js';

export function strictlyEqual(a: Value, b: Value): boolean {
  return equalWith(a, b, (x, y) => x.kind === y.kind && x.value === y.value);
}
