import { valuesEqual, type Value } from '@ingot/syntax';

/**
 * Whether two decoded values are the same (spec §1.11): decides whether a component's
 * `update` is called and whether new exports propagate. Plain data compares structurally;
 * a class instance (a secret, a receiver, any capsule) compares with its own `equals` when
 * it has one and by identity otherwise, because capsules are passed by reference and two
 * distinct receivers are never interchangeable.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;

  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (Array.isArray(b)) return false;

  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) {
      if (!b.has(key) || !deepEqual(value, b.get(key))) return false;
    }
    return true;
  }

  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }

  const equals = (a as { equals?: unknown }).equals;
  return typeof equals === 'function' ? (equals as (other: unknown) => boolean).call(a, b) === true : false;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Whether two maps of Alloy values (a module's arguments or exports) hold equal values under the same keys. */
export function valueMapsEqual(a: ReadonlyMap<string, Value>, b: ReadonlyMap<string, Value>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined || !valuesEqual(value, other)) return false;
  }
  return true;
}
