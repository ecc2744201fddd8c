/**
 * A decoded field value back as an Alloy value (upstream `value.Encode` of a Go field), the
 * inverse of `decode-value.ts`: what alloyjson and the value printer take.
 *
 * - Integer widths become int or uint values, float widths float values (a whole number
 *   beyond 2^53 stays a float: the decoded double no longer holds the exact integer).
 * - A duration is its Go `Duration.String()` text (`"1m30s"`), as upstream encodes one.
 * - Secrets and capsules are capsule values, so they print as `(secret)` or their own text.
 * - A map is an unordered object (printed with keys in byte order, as Go sorts a map's
 *   keys); an `object` type is a struct, ordered as its fields are declared.
 */
import { NULL, array, bool, capsule, float, int, object, string, uint, type Capsule, type Value } from '../eval/value.js';
import { formatDuration, millisecondsToNanoseconds } from './duration.js';
import type { AttrType, Infer, NumberWidth } from './types.js';

export function encodeValue<T extends AttrType>(value: Infer<T>, type: T): Value {
  return encode(value, type);
}

function encode(value: unknown, type: AttrType): Value {
  switch (type.kind) {
    case 'string':
      return string(value as string);
    case 'bool':
      return bool(value as boolean);
    case 'number':
      return encodeNumber(value as number, type.width);
    case 'duration':
      return string(formatDuration(millisecondsToNanoseconds(value as number)));
    case 'secret':
    case 'optional_secret':
      return capsule(value as Capsule);
    case 'any':
      return value as Value;
    case 'array':
      return array((value as readonly unknown[]).map((element) => encode(element, type.element)));
    case 'map': {
      const record = value as Readonly<Record<string, unknown>>;
      return object(new Map(Object.entries(record).map(([key, item]) => [key, encode(item, type.element)])));
    }
    case 'object': {
      const record = value as Readonly<Record<string, unknown>>;
      const fields = Object.entries(type.fields as Readonly<Record<string, AttrType>>);
      return object(new Map(fields.map(([key, fieldType]) => [key, encode(record[key], fieldType)])), true);
    }
    case 'capsule':
      return value === null ? NULL : capsule(value as Capsule);
  }
}

function encodeNumber(n: number, width: NumberWidth): Value {
  if (width === 'float32' || width === 'float64' || !Number.isSafeInteger(n)) return float(n);
  return width.startsWith('u') ? uint(BigInt(n)) : int(BigInt(n));
}
