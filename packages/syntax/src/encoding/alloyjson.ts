/**
 * alloyjson: the JSON form of values and bodies that Alloy's web API serves (upstream
 * `syntax/encoding/alloyjson`), byte for byte as Go's `json.Marshal` writes it: compact,
 * members in a fixed order.
 *
 * A value is `{"type":T,"value":V}`. Numbers of every kind become float64, objects become
 * lists of `{"key":K,"value":V}` (keys in byte order unless the object is ordered), and a
 * secret is `"(secret)"`. A body is a list of statements: `{"name","type":"attr","value"}`
 * and `{"name","type":"block","label"?,"body"}`.
 *
 * NaN and infinite numbers have no JSON form: marshalling them throws
 * `UnsupportedValueError` (`json: unsupported value: NaN`), where Go returns its error.
 */
import { objectKeys } from '../eval/object-keys.js';
import { describe, type CapsuleValue, type NumberValue, type ObjectValue, type Value } from '../eval/value.js';
import { goJsonNumber, goJsonString } from './go-json.js';

export { UnsupportedValueError } from './go-json.js';

/** A body whose expressions have been evaluated: what `marshalBody` encodes. */
export type EvaluatedBody = readonly EvaluatedStatement[];

export type EvaluatedStatement = EvaluatedAttribute | EvaluatedBlock;

export interface EvaluatedAttribute {
  readonly kind: 'attribute';
  readonly name: string;
  readonly value: Value;
}

export interface EvaluatedBlock {
  readonly kind: 'block';
  /** The full dotted name: `pyroscope.write`. */
  readonly name: string;
  /** `''` for an unlabelled block; the `label` member is then left out. */
  readonly label: string;
  readonly body: EvaluatedBody;
}

export function marshalValue(value: Value): string {
  switch (value.type) {
    case 'null':
      return typed('null', 'null');
    case 'number':
      return typed('number', goJsonNumber(toFloat64(value)));
    case 'string':
      return typed('string', goJsonString(value.value));
    case 'bool':
      return typed('bool', String(value.value));
    case 'array':
      return typed('array', `[${value.elements.map(marshalValue).join(',')}]`);
    case 'object':
      return marshalObject(value);
    case 'function':
      return typed('function', '"function"');
    case 'capsule':
      return marshalCapsule(value);
  }
}

/** Statements in the order given; blocks recursively. An empty body is `[]`. */
export function marshalBody(body: EvaluatedBody): string {
  return `[${body.map(marshalStatement).join(',')}]`;
}

function marshalStatement(statement: EvaluatedStatement): string {
  const name = `"name":${goJsonString(statement.name)}`;
  if (statement.kind === 'attribute') return `{${name},"type":"attr","value":${marshalValue(statement.value)}}`;
  const label = statement.label === '' ? '' : `"label":${goJsonString(statement.label)},`;
  return `{${name},"type":"block",${label}"body":${marshalBody(statement.body)}}`;
}

function marshalObject(object: ObjectValue): string {
  const members = objectKeys(object).map(
    (key) => `{"key":${goJsonString(key)},"value":${marshalValue(object.fields.get(key)!)}}`,
  );
  return typed('object', `[${members.join(',')}]`);
}

/**
 * Upstream's precedence: the capsule's own text (a secret's `(secret)`, a non-secret
 * optional secret's quoted text), then its object view, then its description, then
 * `capsule("<type>")`.
 */
function marshalCapsule(value: CapsuleValue): string {
  const { capsule } = value;
  const text = capsule.tokenize?.();
  if (text !== undefined) return typed('capsule', goJsonString(text));
  const asObject = capsule.asObject?.();
  if (asObject !== undefined) return marshalObject(asObject);
  const description = capsule.describe?.();
  return typed('capsule', goJsonString(description !== undefined && description !== '' ? description : describe(value)));
}

function typed(type: string, json: string): string {
  return `{"type":"${type}","value":${json}}`;
}

/** Every number kind is converted to float64 first (upstream `Number.Float()`). */
function toFloat64(value: NumberValue): number {
  // `Number(bigint)` rounds to nearest, ties to even, as Go's int-to-float conversion.
  return value.kind === 'float' ? value.value : Number(value.value);
}
