/**
 * Decoding an evaluated value into a field's type (upstream `value.Decode`, spec §5.6).
 *
 * Failures are thrown as the value errors of `eval/errors.ts`, naming the offending value
 * and wrapped in element and field errors on the way out, so that `makeDiagnostic` can
 * point at the expression behind the value: `"10" time: missing unit in duration "10"`,
 * `key_value.object.field1[2] should be number, got string`.
 */
import { convertToNumber, convertToOptionalSecret, convertToSecret, convertToString } from '../eval/convert.js';
import { ElementError, EvalError, FieldError, MissingKeyError, ValueError, ValueTypeError } from '../eval/errors.js';
import { toFloat, toInt, toUint } from '../eval/number.js';
import { OptionalSecret, Secret } from '../eval/secret.js';
import { describe, NULL, type NumberValue, type Value } from '../eval/value.js';
import { nanosecondsToMilliseconds, parseDuration } from './duration.js';
import { setOwn } from './own-property.js';
import type { AttrType, Infer, NumberWidth } from './types.js';

/** Called with each value that became a secret, so its expression can be redacted. */
export type SecretSink = (source: Value) => void;

/** Decodes `value` into `type`; throws an `EvalError` when it does not fit. */
export function decodeValue<T extends AttrType>(value: Value, type: T, onSecret?: SecretSink): Infer<T> {
  // The one place the descriptor's type meets the runtime walk: `decode` follows `type`.
  return decode(value, type, onSecret) as Infer<T>;
}

/**
 * The value a field of `type` holds when it is set to `null` or left out of an object
 * literal: Go's zero value (upstream sets the target to zero without any defaults).
 */
export function zeroValue<T extends AttrType>(type: T): Infer<T> {
  return zero(type) as Infer<T>;
}

function zero(type: AttrType): unknown {
  switch (type.kind) {
    case 'string': return '';
    case 'bool': return false;
    case 'number':
    case 'duration': return 0;
    case 'secret': return new Secret('');
    case 'optional_secret': return new OptionalSecret('', false);
    case 'any': return NULL;
    case 'array': return type.length === undefined ? [] : Array.from({ length: type.length }, () => zero(type.element));
    case 'map': return {};
    case 'object': return zeroObject(type.fields);
    case 'capsule': return null;
  }
}

function zeroObject(fields: Readonly<Record<string, AttrType>>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(fields)) setOwn(result, key, zero(type));
  return result;
}

function decode(value: Value, type: AttrType, onSecret: SecretSink | undefined): unknown {
  // Upstream's first step: null sets any target to its zero value, and that is all.
  if (value.type === 'null') return zero(type);

  switch (type.kind) {
    case 'any':
      return value;
    case 'string':
      return convertToString(value).value;
    case 'bool':
      if (value.type !== 'bool') throw new ValueTypeError(value, 'bool');
      return value.value;
    case 'number':
      return toWidth(convertToNumber(value), type.width);
    case 'duration':
      return decodeDuration(value);
    case 'secret': {
      const secret = convertToSecret(value).capsule as Secret;
      onSecret?.(value);
      return secret;
    }
    case 'optional_secret': {
      const optional = convertToOptionalSecret(value).capsule as OptionalSecret;
      onSecret?.(value);
      return optional;
    }
    case 'array':
      return decodeArray(value, type.element, type.length, onSecret);
    case 'map':
      return decodeMap(value, type.element, onSecret);
    case 'object':
      return decodeObject(value, type.fields, onSecret);
    case 'capsule':
      if (value.type !== 'capsule') throw new ValueTypeError(value, 'capsule');
      if (!type.guard(value.capsule)) {
        throw new ValueError(value, `expected capsule(${JSON.stringify(type.typeName)}), got ${describe(value)}`);
      }
      return value.capsule;
  }
}

/**
 * Go's conversion of the number into the field's width, with no range check: `uint8` ← 300
 * is 44, `uint` ← -1 is 2^64-1, `int` ← 3.7 is 3. Integers go through Go's `Int()` or
 * `Uint()` and keep their low bits.
 */
function toWidth(n: NumberValue, width: NumberWidth): number {
  switch (width) {
    case 'float64': return toFloat(n);
    case 'float32': return Math.fround(toFloat(n));
    case 'int':
    case 'int64': return Number(toInt(n));
    case 'int32': return Number(BigInt.asIntN(32, toInt(n)));
    case 'int16': return Number(BigInt.asIntN(16, toInt(n)));
    case 'int8': return Number(BigInt.asIntN(8, toInt(n)));
    case 'uint':
    case 'uint64': return Number(toUint(n));
    case 'uint32': return Number(BigInt.asUintN(32, toUint(n)));
    case 'uint16': return Number(BigInt.asUintN(16, toUint(n)));
    case 'uint8': return Number(BigInt.asUintN(8, toUint(n)));
  }
}

/** As text first (a number `5` becomes `"5"`, which then lacks a unit), then Go's parser. */
function decodeDuration(value: Value): number {
  const parsed = parseDuration(convertToString(value).value);
  if (!parsed.ok) throw new ValueError(value, parsed.message);
  return nanosecondsToMilliseconds(parsed.nanoseconds);
}

function decodeArray(value: Value, element: AttrType, length: number | undefined, onSecret: SecretSink | undefined): unknown[] {
  if (value.type !== 'array') throw new ValueTypeError(value, 'array');
  if (length !== undefined && value.elements.length !== length) {
    throw new ValueError(value, `array must have exactly ${length} elements, got ${value.elements.length}`);
  }
  return value.elements.map((item, index) => within(() => decode(item, element, onSecret), (inner) => new ElementError(value, index, inner)));
}

function decodeMap(value: Value, element: AttrType, onSecret: SecretSink | undefined): Record<string, unknown> {
  if (value.type !== 'object') throw new ValueTypeError(value, 'object');
  const result: Record<string, unknown> = {};
  for (const [key, item] of value.fields) {
    setOwn(result, key, within(() => decode(item, element, onSecret), (inner) => new FieldError(value, key, inner)));
  }
  return result;
}

/**
 * An object literal into a struct: keys in the object's order, an unknown key reported at
 * its value (upstream quirk), keys left out at their zero value (no required check).
 */
function decodeObject(
  value: Value,
  fields: Readonly<Record<string, AttrType>>,
  onSecret: SecretSink | undefined,
): Record<string, unknown> {
  if (value.type !== 'object') throw new ValueTypeError(value, 'object');
  const result = zeroObject(fields);
  for (const [key, item] of value.fields) {
    const type = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (type === undefined) throw new MissingKeyError(item, key);
    setOwn(result, key, within(() => decode(item, type, onSecret), (inner) => new FieldError(value, key, inner)));
  }
  return result;
}

/** Runs `step`, wrapping a value error it throws so the message gains a `.key`/`[i]` path. */
function within<T>(step: () => T, wrap: (inner: EvalError) => EvalError): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof EvalError) throw wrap(error);
    throw error;
  }
}
