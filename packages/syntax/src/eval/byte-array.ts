/**
 * Byte arrays: what upstream's Go `[]byte` results (`encoding.from_base64`) are as values.
 *
 * Upstream shows a `[]byte` as an array of numbers, one per byte, yet still knows it is a
 * byte slice, so decoding it into a string parameter or attribute turns it back into the
 * text those bytes spell. The array here is an ordinary `ArrayValue`; the bytes behind it
 * are remembered on the side, by identity, so the value model keeps its shape.
 */
import { array, uint, type ArrayValue, type Value } from './value.js';

const BYTES = new WeakMap<ArrayValue, Uint8Array>();

export function byteArray(bytes: Uint8Array): ArrayValue {
  // Go's uint8 widens to a number; upstream reads unsigned integers as uint.
  const value = array(Array.from(bytes, (b) => uint(BigInt(b))));
  BYTES.set(value, bytes);
  return value;
}

/** The bytes behind a value made by `byteArray`, or `undefined` for any other value. */
export function bytesOf(value: Value): Uint8Array | undefined {
  return value.type === 'array' ? BYTES.get(value) : undefined;
}
