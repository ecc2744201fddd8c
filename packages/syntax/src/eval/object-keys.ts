/**
 * The order in which an object's keys are printed or encoded: the declared order for an
 * ordered (host) object, byte order for the rest, as upstream sorts the keys of a Go map
 * to print it deterministically.
 */
import { compareByteOrder } from '../source/byte-order.js';
import type { ObjectValue } from './value.js';

export function objectKeys(object: ObjectValue): string[] {
  const keys = [...object.fields.keys()];
  return object.ordered ? keys : keys.sort(compareByteOrder);
}
