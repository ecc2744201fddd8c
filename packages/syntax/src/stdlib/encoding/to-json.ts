/**
 * `encoding.to_json(object)`: Go `json.Marshal` of an object (anything else fails with
 * `jsonEncode only supports map`). Compact, keys in byte order, Go's string escaping
 * (`<` is `\u003c`), integers exact and floats in Go's JSON form; NaN and infinities fail
 * as `json: unsupported value: NaN`.
 *
 * Upstream writes a secret's text into the JSON. Ingot refuses instead: the result is an
 * ordinary string, and a secret must not become one except through
 * `convert.nonsensitive`.
 */
import { goJsonNumber, goJsonString, UnsupportedValueError } from '../../encoding/go-json.js';
import { SECRET_TO_STRING } from '../../eval/convert.js';
import { PlainError } from '../../eval/errors.js';
import { asOptionalSecret, asSecret } from '../../eval/secret.js';
import { string, typedFunction, type CapsuleValue, type FunctionValue, type Value } from '../../eval/value.js';
import { compareByteOrder } from '../../source/byte-order.js';

export const toJson: FunctionValue = typedFunction(['any'], ([value]) => {
  if (value?.type !== 'object') throw new PlainError('jsonEncode only supports map');
  try {
    return string(marshal(value));
  } catch (error) {
    if (error instanceof UnsupportedValueError) throw new PlainError(error.message);
    throw error;
  }
});

function marshal(value: Value): string {
  switch (value.type) {
    case 'null':
      return 'null';
    case 'bool':
      return String(value.value);
    case 'number':
      return value.kind === 'float' ? goJsonNumber(value.value) : value.value.toString();
    case 'string':
      return goJsonString(value.value);
    case 'array':
      return `[${value.elements.map(marshal).join(',')}]`;
    case 'object':
      // A Go map: keys sorted whatever the object's own order.
      return marshalFields(value.fields, [...value.fields.keys()].sort(compareByteOrder));
    case 'function':
      throw new PlainError('json: unsupported type: func()');
    case 'capsule':
      return marshalCapsule(value);
  }
}

function marshalFields(fields: ReadonlyMap<string, Value>, keys: readonly string[]): string {
  return `{${keys.map((key) => `${goJsonString(key)}:${marshal(fields.get(key)!)}`).join(',')}}`;
}

function marshalCapsule(value: CapsuleValue): string {
  const optional = asOptionalSecret(value);
  if (asSecret(value) !== undefined || optional?.isSecret) throw new PlainError(SECRET_TO_STRING);
  // Go marshals the OptionalSecret struct by its exported fields.
  if (optional !== undefined) return `{"IsSecret":false,"Value":${goJsonString(optional.reveal())}}`;
  const fields = value.capsule.asObject?.()?.fields;
  if (fields !== undefined) return marshalFields(fields, [...fields.keys()].sort(compareByteOrder));
  throw new PlainError(`json: unsupported type: ${value.capsule.typeName}`);
}
