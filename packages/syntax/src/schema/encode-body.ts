/**
 * A decoded block back as statements (upstream alloyjson `MarshalBody` of a struct, spec
 * §4.8): what the web UI and the HTTP API show as a component's arguments.
 *
 * ```ts
 * marshalBody(encodeBody(args, Arguments)); // [{"name":"url","type":"attr","value":…},…]
 * ```
 *
 * The result is an `EvaluatedBody`, the type `marshalBody` serialises (and that `ingot eval`
 * builds from an untyped file). The schema layer depends on the encoding module's type,
 * never the other way round: alloyjson stays a serialiser of values and statements that
 * knows nothing of schemas, so no cycle arises and untyped bodies need no schema.
 *
 * Statements come in field order. An optional field is left out when it equals its
 * default (Go: comparable and `Equal`), or when it and its default are both zero; a
 * required one is always written, at its zero value when the object lacks it. Blocks:
 * - a repeated block writes one block per element, so none for an empty list;
 * - a required block with a zero value writes `{"name":…,"type":"block","body":[]}`;
 * - an optional block without a default is upstream's pointer block: absent writes
 *   nothing, present is written even when empty. A block with a declared default is
 *   upstream's struct block: left out when it equals the default or both are zero;
 * - a map block writes its entries as attributes sorted by key in byte order, where
 *   upstream follows Go's map iteration order, which is random;
 * - each enum element writes its alternative as a block named `<enum>.<alternative>`.
 *
 * Values are encoded by `encodeValue`: durations as Go `Duration.String()` text, secrets as
 * capsules that print `(secret)`. A decoded object cannot tell Go's nil slice or map from an
 * empty one, so an empty list or map counts as zero.
 */
import type { EvaluatedAttribute, EvaluatedBlock, EvaluatedBody, EvaluatedStatement } from '../encoding/alloyjson.js';
import { equalWith } from '../eval/equality.js';
import { compareNumbers } from '../eval/number.js';
import { OptionalSecret, Secret } from '../eval/secret.js';
import type { Capsule, NumberValue, Value } from '../eval/value.js';
import { compareByteOrder } from '../source/byte-order.js';
import { zeroValue } from './decode-value.js';
import { encodeValue } from './encode-value.js';
import type { BlockSchema, BodySchema, Decoded, Field, MapBlockSchema } from './schema.js';
import type { AttrType } from './types.js';

/** The statements of a decoded body: a component's arguments, say, for alloyjson. */
export function encodeBody<S extends BodySchema>(value: Decoded<S>, schema: S): EvaluatedBody {
  const record = value as DecodedRecord;
  return schema.kind === 'map' ? mapAttributes(record, schema) : structStatements(record, schema);
}

type DecodedRecord = Readonly<Record<string, unknown>>;
type DecodedEnumElement = { readonly kind: string; readonly value: unknown };

function mapAttributes(record: DecodedRecord, schema: MapBlockSchema): EvaluatedAttribute[] {
  return Object.keys(record)
    .sort(compareByteOrder)
    .map((name) => ({ kind: 'attribute', name, value: encodeValue(record[name], schema.element) }));
}

function structStatements(record: DecodedRecord, schema: BlockSchema): EvaluatedStatement[] {
  const body: EvaluatedStatement[] = [];
  for (const [name, field] of fieldsOf(schema)) {
    const value = own(record, name);
    if (!isOmitted(field, value)) body.push(...fieldStatements(name, field, value));
  }
  return body;
}

function fieldStatements(name: string, field: Field, value: unknown): EvaluatedStatement[] {
  switch (field.kind) {
    case 'attr':
      return [{ kind: 'attribute', name, value: encodeValue(value ?? zeroValue(field.type), field.type) }];
    case 'block':
      return [blockStatement(name, field.schema, value)];
    case 'blocks':
      return ((value ?? []) as readonly unknown[]).map((element) => blockStatement(name, field.schema, element));
    case 'fixed_blocks': {
      const elements = (value ?? Array.from({ length: field.count })) as readonly unknown[];
      return elements.map((element) => blockStatement(name, field.schema, element));
    }
    case 'enum':
      return ((value ?? []) as readonly DecodedEnumElement[]).map((element) => {
        const alternative = own(field.alternatives, element.kind) as BlockSchema | undefined;
        if (alternative === undefined) throw new Error(`enum ${name} has no alternative ${element.kind}`);
        return blockStatement(`${name}.${element.kind}`, alternative, element.value);
      });
  }
}

function blockStatement(name: string, schema: BodySchema, value: unknown): EvaluatedBlock {
  const record = (value ?? {}) as DecodedRecord;
  if (schema.kind === 'map') return { kind: 'block', name, label: '', body: mapAttributes(record, schema) };
  // Upstream writes a zero struct as an empty, unlabelled block.
  if (isZeroStruct(record, schema)) return { kind: 'block', name, label: '', body: [] };
  return { kind: 'block', name, label: labelOf(record, schema), body: structStatements(record, schema) };
}

// ---------------------------------------------------------------------------------------
// Defaults: upstream's `field.IsOptional() && (isEqual || isZero)`

function isOmitted(field: Field, value: unknown): boolean {
  switch (field.kind) {
    case 'attr': {
      if (field.presence === 'required') return false;
      if (value === undefined) return true;
      const fallback = field.presence === 'defaulted' ? field.default : zeroValue(field.type);
      return sameValue(value, fallback, field.type) || (isZeroValue(value, field.type) && isZeroValue(fallback, field.type));
    }
    case 'block':
      if (field.presence === 'required') return false;
      if (value === undefined) return true;
      if (field.presence === 'optional') return false; // a pointer that is set
      return sameField(field, value, field.default) || (isZeroField(field, value) && isZeroField(field, field.default));
    case 'fixed_blocks':
      // The default is `count` zero blocks: equal to it and zero are the same thing.
      return field.presence !== 'required' && isZeroField(field, value);
    case 'blocks':
    case 'enum':
      // A list is never comparable; an empty one writes nothing either way.
      return false;
  }
}

/** Go's `Comparable() && Equal()` on two values of a field; absent means zero. */
function sameField(field: Field, a: unknown, b: unknown): boolean {
  switch (field.kind) {
    case 'attr':
      return sameValue(a ?? zeroValue(field.type), b ?? zeroValue(field.type), field.type);
    case 'block':
      // An optional block is a pointer: equal only to itself.
      if (field.presence === 'optional') return a === b;
      return sameStruct(a, b, field.schema);
    case 'fixed_blocks':
      return Array.from({ length: field.count }).every((_, i) =>
        sameStruct((a as readonly unknown[] | undefined)?.[i], (b as readonly unknown[] | undefined)?.[i], field.schema),
      );
    case 'blocks':
    case 'enum':
      return false;
  }
}

function sameStruct(a: unknown, b: unknown, schema: BodySchema): boolean {
  if (schema.kind === 'map') return false;
  const left = (a ?? {}) as DecodedRecord;
  const right = (b ?? {}) as DecodedRecord;
  return (
    labelOf(left, schema) === labelOf(right, schema) &&
    fieldsOf(schema).every(([name, field]) => sameField(field, own(left, name), own(right, name)))
  );
}

function sameValue(a: unknown, b: unknown, type: AttrType): boolean {
  switch (type.kind) {
    case 'string':
    case 'bool':
    case 'number':
    case 'duration':
    case 'capsule':
      return a === b;
    case 'secret':
    case 'optional_secret':
      return (a as Capsule).equals(b as Capsule);
    case 'any':
      // Go's generic form: lists and maps are not comparable, numbers keep int apart from float.
      return comparableAny(a as Value) && equalWith(a as Value, b as Value, sameGoNumber);
    case 'array': {
      if (type.length === undefined) return false;
      const right = b as readonly unknown[];
      return (a as readonly unknown[]).every((element, i) => sameValue(element, right[i], type.element));
    }
    case 'map':
      return false;
    case 'object':
      return Object.entries(type.fields as Readonly<Record<string, AttrType>>).every(([key, fieldType]) =>
        sameValue(own(a as DecodedRecord, key), own(b as DecodedRecord, key), fieldType),
      );
  }
}

function comparableAny(value: Value): boolean {
  return value.type !== 'array' && value.type !== 'object' && value.type !== 'function';
}

/** Numbers decoded into `any` are Go `float64` or an integer type: a float never equals an int. */
function sameGoNumber(a: NumberValue, b: NumberValue): boolean {
  return (a.kind === 'float') === (b.kind === 'float') && compareNumbers(a, b) === 0;
}

/** Go's `IsZero`; absent means zero. */
function isZeroField(field: Field, value: unknown): boolean {
  if (value === undefined) return true;
  switch (field.kind) {
    case 'attr':
      return isZeroValue(value, field.type);
    case 'block':
      if (field.presence === 'optional') return false; // a pointer that is set
      return isZeroBlock(value, field.schema);
    case 'fixed_blocks':
      return (value as readonly unknown[]).every((element) => isZeroBlock(element, field.schema));
    case 'blocks':
    case 'enum':
      return (value as readonly unknown[]).length === 0;
  }
}

function isZeroBlock(value: unknown, schema: BodySchema): boolean {
  if (value === undefined) return true;
  const record = value as DecodedRecord;
  return schema.kind === 'map' ? Object.keys(record).length === 0 : isZeroStruct(record, schema);
}

function isZeroStruct(record: DecodedRecord, schema: BlockSchema): boolean {
  return labelOf(record, schema) === '' && fieldsOf(schema).every(([name, field]) => isZeroField(field, own(record, name)));
}

function isZeroValue(value: unknown, type: AttrType): boolean {
  switch (type.kind) {
    case 'string':
      return value === '';
    case 'bool':
      return value === false;
    case 'number':
    case 'duration':
      // Go's zero float is +0 only.
      return Object.is(value, 0);
    case 'secret':
      return (value as Secret).equals(new Secret(''));
    case 'optional_secret':
      return (value as OptionalSecret).equals(new OptionalSecret('', false));
    case 'capsule':
      return value === null;
    case 'any':
      return (value as Value).type === 'null';
    case 'array':
      return type.length === undefined
        ? (value as readonly unknown[]).length === 0
        : (value as readonly unknown[]).every((element) => isZeroValue(element, type.element));
    case 'map':
      return Object.keys(value as DecodedRecord).length === 0;
    case 'object':
      return Object.entries(type.fields as Readonly<Record<string, AttrType>>).every(([key, fieldType]) => {
        const field = own(value as DecodedRecord, key);
        return field === undefined || isZeroValue(field, fieldType);
      });
  }
}

// ---------------------------------------------------------------------------------------

function fieldsOf(schema: BlockSchema): readonly (readonly [string, Field])[] {
  return Object.entries(schema.fields) as [string, Field][];
}

function labelOf(record: DecodedRecord, schema: BlockSchema): string {
  return schema.label === undefined ? '' : ((own(record, schema.label) as string | undefined) ?? '');
}

function own(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
