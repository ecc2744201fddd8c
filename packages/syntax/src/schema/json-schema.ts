/**
 * The JSON Schema of a block's decoded form, and an ajv validator compiled from it.
 *
 * Both are derived from the same declaration as the decoder: the runtime can check
 * arguments that did not come from a file (a test, the HTTP API), and the UI can build
 * forms from the schema. Alloy specifics that JSON Schema has no word for travel in the
 * `x-alloy-type` annotation: a number's Go width (`uint8`), `duration` (milliseconds),
 * `secret`, `optional_secret`, `any` (an evaluated Alloy value) and `capsule("<name>")`.
 * The validator also enforces the ones it can: a secret must be a `Secret` object, a
 * capsule must pass its guard.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { OptionalSecret, Secret } from '../eval/secret.js';
import type { Capsule } from '../eval/value.js';
import type { Alternatives, BodySchema, Decoded, Field } from './schema.js';
import type { AttrType, NumberWidth } from './types.js';

export type JsonSchema = { readonly [keyword: string]: unknown };

const ALLOY_TYPE = 'x-alloy-type';

/** The JSON Schema (draft-07) of what `decodeBody` produces for `schema`. */
export function jsonSchema(schema: BodySchema): JsonSchema {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...bodySchema(schema, new Map()) };
}

const validators = new WeakMap<BodySchema, ValidateFunction>();

/**
 * A compiled validator for the decoded form of `schema` (cached per schema). On failure its
 * `errors` hold ajv's reasons.
 */
export function validator<S extends BodySchema>(schema: S): ValidateFunction<Decoded<S>> {
  let validate = validators.get(schema);
  if (validate === undefined) {
    const guards = new Map<string, (capsule: Capsule) => boolean>();
    const json = bodySchema(schema, guards);
    const ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addKeyword({
      keyword: ALLOY_TYPE,
      schemaType: 'string',
      // Annotations only, except where the JavaScript value has a class to check.
      compile: (alloyType: string) => instanceCheck(alloyType, guards),
    });
    validate = ajv.compile(json);
    validators.set(schema, validate);
  }
  return validate as ValidateFunction<Decoded<S>>;
}

function instanceCheck(alloyType: string, guards: ReadonlyMap<string, (capsule: Capsule) => boolean>): (data: unknown) => boolean {
  if (alloyType === 'secret') return (data) => data instanceof Secret;
  if (alloyType === 'optional_secret') return (data) => data instanceof OptionalSecret;
  const guard = guards.get(alloyType);
  // A capsule field may hold Go's nil (`null`).
  if (guard !== undefined) return (data) => data === null || (isCapsule(data) && guard(data));
  return () => true;
}

function isCapsule(data: unknown): data is Capsule {
  return typeof data === 'object' && data !== null && typeof (data as Capsule).typeName === 'string';
}

type Guards = Map<string, (capsule: Capsule) => boolean>;

function bodySchema(schema: BodySchema, guards: Guards): JsonSchema {
  const doc = schema.doc === undefined ? {} : { description: schema.doc };
  if (schema.kind === 'map') {
    return { type: 'object', additionalProperties: typeSchema(schema.element, guards), ...doc };
  }
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  if (schema.label !== undefined) {
    properties[schema.label] = { type: 'string', description: 'The block label.' };
    required.push(schema.label);
  }
  for (const [name, field] of Object.entries(schema.fields) as [string, Field][]) {
    properties[name] = fieldSchema(field, guards);
    if (isAlwaysPresent(field)) required.push(name);
  }
  return { type: 'object', properties, required, additionalProperties: false, ...doc };
}

/** Whether the decoded object always has the field: everything but optional fields without a default. */
function isAlwaysPresent(field: Field): boolean {
  return field.kind === 'blocks' || field.kind === 'enum' || field.presence !== 'optional';
}

function fieldSchema(field: Field, guards: Guards): JsonSchema {
  const doc = field.doc === undefined ? {} : { description: field.doc };
  switch (field.kind) {
    case 'attr': {
      const json = typeSchema(field.type, guards);
      const fallback = field.presence === 'defaulted' && isJsonData(field.default) ? { default: field.default } : {};
      return { ...json, ...doc, ...fallback };
    }
    case 'block':
      return { ...bodySchema(field.schema, guards), ...doc };
    case 'blocks':
      return { type: 'array', items: bodySchema(field.schema, guards), ...doc };
    case 'fixed_blocks': {
      const items = bodySchema(field.schema, guards);
      return { type: 'array', items, minItems: field.count, maxItems: field.count, ...doc };
    }
    case 'enum': {
      const alternatives = Object.entries(field.alternatives as Alternatives).map(([kind, schema]) => ({
        type: 'object',
        properties: { kind: { const: kind }, value: bodySchema(schema, guards) },
        required: ['kind', 'value'],
        additionalProperties: false,
      }));
      return { type: 'array', items: { oneOf: alternatives }, ...doc };
    }
  }
}

const INTEGER_RANGES: Partial<Record<NumberWidth, readonly [number, number]>> = {
  int8: [-(2 ** 7), 2 ** 7 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint8: [0, 2 ** 8 - 1],
  uint16: [0, 2 ** 16 - 1],
  uint32: [0, 2 ** 32 - 1],
};

function typeSchema(type: AttrType, guards: Guards): JsonSchema {
  switch (type.kind) {
    case 'string': return { type: 'string' };
    case 'bool': return { type: 'boolean' };
    case 'number': {
      if (type.width === 'float32' || type.width === 'float64') return { type: 'number', [ALLOY_TYPE]: type.width };
      const range = INTEGER_RANGES[type.width];
      const bounds = range !== undefined ? { minimum: range[0], maximum: range[1] }
        : type.width.startsWith('uint') ? { minimum: 0 } : {};
      return { type: 'integer', ...bounds, [ALLOY_TYPE]: type.width };
    }
    case 'duration':
      return { type: 'number', [ALLOY_TYPE]: 'duration', description: 'milliseconds' };
    case 'secret':
    case 'optional_secret':
    case 'any':
      return { [ALLOY_TYPE]: type.kind };
    case 'array': {
      const length = type.length === undefined ? {} : { minItems: type.length, maxItems: type.length };
      return { type: 'array', items: typeSchema(type.element, guards), ...length };
    }
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(type.element, guards) };
    case 'object': {
      const fields = Object.entries(type.fields as Record<string, AttrType>);
      return {
        type: 'object',
        properties: Object.fromEntries(fields.map(([key, fieldType]) => [key, typeSchema(fieldType, guards)])),
        required: fields.map(([key]) => key),
        additionalProperties: false,
      };
    }
    case 'capsule': {
      const name = `capsule(${JSON.stringify(type.typeName)})`;
      guards.set(name, type.guard);
      return { [ALLOY_TYPE]: name };
    }
  }
}

/** Whether a default can be written in the schema: plain JSON data, no secrets or values. */
function isJsonData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonData);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).every(isJsonData);
  }
  return false;
}
