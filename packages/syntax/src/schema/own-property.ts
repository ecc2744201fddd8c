/**
 * Sets an own, enumerable property even when the key is `__proto__`: decoded records are
 * keyed by names from the configuration (map keys, attribute names), which are user data.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
