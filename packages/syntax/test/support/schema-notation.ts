/**
 * The conformance data's schema notation (`conformance/syntax/README.md` §8), read into
 * Ingot's schema API, and a decoded object written back in the data's alloyjson shape.
 * Shared by the decode and alloyjson conformance runners.
 */
import { marshalValue } from '../../src/encoding/alloyjson.js';
import { decodeValue } from '../../src/schema/decode-value.js';
import { encodeValue } from '../../src/schema/encode-value.js';
import {
  attr,
  block,
  child,
  children,
  enumBlocks,
  mapBlock,
  type BlockSchema,
  type BodySchema,
  type Field,
  type Fields,
} from '../../src/schema/schema.js';
import { t, type AttrType } from '../../src/schema/types.js';
import { fromAlloyJson, type AlloyJson } from './alloy-json.js';

export interface SchemaJson {
  readonly fields: readonly FieldJson[];
}

export interface FieldJson {
  readonly name: string;
  readonly kind: 'attr' | 'block' | 'enum' | 'label' | 'squash';
  readonly optional: boolean;
  readonly type?: string;
  /** A nested schema, or `SAME_AS_ROOT` for the enclosing case's whole schema. */
  readonly schema?: SchemaJson | typeof SAME_AS_ROOT;
  readonly multi?: string;
  /** The value `SetToDefault` gives the field, in alloyjson form. */
  readonly default?: AlloyJson;
}

/** The notation's recursive reference (upstream's `testBlock` holds blocks of itself). */
export const SAME_AS_ROOT = '<same as this testBlock schema>';

/**
 * How many levels a self-referencing schema is unrolled. Ingot's schemas are values built
 * bottom-up and cannot refer to themselves, so the recursion is written out to a depth no
 * case's input reaches; below it the recursive fields are left out.
 */
const RECURSION_DEPTH = 4;

/** The notation's block schema as an Ingot schema; the label, if any, decodes under `""`. */
export function schemaFromJson(json: SchemaJson): BlockSchema {
  return buildSchema(unrolled(json, json, RECURSION_DEPTH));
}

function buildSchema(json: SchemaJson): BlockSchema {
  const label = json.fields.some((f) => f.kind === 'label') ? '' : undefined;
  return block({ fields: fieldsFromJson(json), label });
}

/** `json` with each `SAME_AS_ROOT` replaced by `root`, `depth` levels deep. */
function unrolled(json: SchemaJson, root: SchemaJson, depth: number): SchemaJson {
  const fields: FieldJson[] = [];
  for (const f of json.fields) {
    if (f.schema === undefined) fields.push(f);
    else if (f.schema !== SAME_AS_ROOT) fields.push({ ...f, schema: unrolled(f.schema, root, depth) });
    else if (depth > 0) fields.push({ ...f, schema: unrolled(root, root, depth - 1) });
  }
  return { fields };
}

/** A field's nested schema, once `unrolled` has resolved the recursive references. */
function nested(f: FieldJson): SchemaJson {
  if (f.schema === undefined || f.schema === SAME_AS_ROOT) throw new Error('malformed schema notation');
  return f.schema;
}

function fieldsFromJson(json: SchemaJson): Fields {
  const fields: Record<string, Field> = {};
  for (const f of json.fields) {
    switch (f.kind) {
      case 'label':
        break;
      case 'squash':
        // Upstream squash: the inner fields, inline, at this position.
        Object.assign(fields, fieldsFromJson(nested(f)));
        break;
      case 'attr':
        fields[f.name] = attrField(f);
        break;
      case 'enum':
        fields[f.name] = enumBlocks(
          Object.fromEntries(nested(f).fields.map((alt) => [alt.name, buildSchema(nested(alt))])),
        );
        break;
      case 'block':
        fields[f.name] = blockField(f);
        break;
    }
  }
  return fields;
}

function attrField(f: FieldJson): Field {
  const type = typeFromJson(required(f.type));
  // The type is only known at run time, so its default's static type cannot follow it.
  if (f.default !== undefined) return attr(type, { default: decodeValue(fromAlloyJson(f.default), type) as never });
  return f.optional ? attr(type, { optional: true }) : attr(type);
}

function blockField(f: FieldJson): Field {
  // `map<any>` and `any` blocks collect their attributes into a map of values.
  const schema: BodySchema = f.type === undefined ? buildSchema(nested(f)) : mapBlock(t.any);
  const fixed = /^array\[(\d+)\]$/.exec(f.multi ?? '');
  if (fixed !== null) {
    const count = Number(fixed[1]);
    return f.optional ? children(schema, { count, optional: true }) : children(schema, { count });
  }
  if (f.multi === 'slice') return children(schema, { optional: f.optional });
  return f.optional ? child(schema, { optional: true }) : child(schema);
}

/** `string | number | bool | any | secret | optional_secret | duration | array<T> | map<T> | object{k: T, …}`. */
export function typeFromJson(text: string): AttrType {
  const reader = { text: text.replace(/\s+/g, ''), at: 0 };
  const type = readType(reader);
  if (reader.at !== reader.text.length) throw new Error(`bad type notation: ${text}`);
  return type;
}

function readType(r: { text: string; at: number }): AttrType {
  const word = /^[a-z_]+/.exec(r.text.slice(r.at))?.[0] ?? '';
  r.at += word.length;
  const expect = (char: string): void => {
    if (r.text[r.at] !== char) throw new Error(`expected ${char} at ${r.at} in ${r.text}`);
    r.at++;
  };
  switch (word) {
    case 'string': return t.string;
    // Upstream's test structs use Go `int` for numbers.
    case 'number': return t.int;
    case 'bool': return t.bool;
    case 'any': return t.any;
    case 'secret': return t.secret;
    case 'optional_secret': return t.optionalSecret;
    case 'duration': return t.duration;
    case 'array':
    case 'map': {
      expect('<');
      const element = readType(r);
      expect('>');
      return word === 'array' ? t.array(element) : t.map(element);
    }
    case 'object': {
      expect('{');
      const fields: Record<string, AttrType> = {};
      while (r.text[r.at] !== '}') {
        const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(r.text.slice(r.at))?.[0] ?? '';
        r.at += key.length;
        expect(':');
        fields[key] = readType(r);
        if (r.text[r.at] === ',') r.at++;
      }
      expect('}');
      return t.object(fields);
    }
    default:
      throw new Error(`unknown type ${word} in ${r.text}`);
  }
}

/**
 * A decoded block in the data's `expect` shape: an ordered object (the label under `""`),
 * optional fields left out when not set, blocks as objects, repeated blocks and enums as
 * arrays, enum elements as `{<alternative>: block}`.
 */
export function decodedToJson(value: Readonly<Record<string, unknown>>, json: SchemaJson): AlloyJson {
  const members: { key: string; value: AlloyJson }[] = [];
  for (const f of flatten(json)) {
    if (!Object.hasOwn(value, f.name)) continue;
    const item = value[f.name];
    if (f.optional && Array.isArray(item) && item.length === 0) continue;
    members.push({ key: f.name, value: fieldToJson(item, f) });
  }
  return { type: 'object', value: members };
}

function flatten(json: SchemaJson): FieldJson[] {
  return json.fields.flatMap((f) => (f.kind === 'squash' ? flatten(nested(f)) : [f]));
}

function fieldToJson(item: unknown, f: FieldJson): AlloyJson {
  switch (f.kind) {
    case 'label':
      return { type: 'string', value: item as string };
    case 'attr':
      return valueToJson(item, typeFromJson(required(f.type)));
    case 'enum': {
      const alternatives = nested(f).fields;
      return {
        type: 'array',
        value: (item as { kind: string; value: Record<string, unknown> }[]).map((element) => {
          const alternative = alternatives.find((a) => a.name === element.kind)!;
          return {
            type: 'object',
            value: [{ key: element.kind, value: decodedToJson(element.value, nested(alternative)) }],
          };
        }),
      };
    }
    case 'block': {
      const one = (decoded: unknown): AlloyJson =>
        f.type === undefined
          ? decodedToJson(decoded as Record<string, unknown>, nested(f))
          : valueToJson(decoded, t.map(t.any));
      return f.multi === undefined ? one(item) : { type: 'array', value: (item as unknown[]).map(one) };
    }
    case 'squash':
      throw new Error('squash fields are flattened');
  }
}

/** An attribute's decoded value as alloyjson: encoded back to a value, then marshalled. */
function valueToJson(item: unknown, type: AttrType): AlloyJson {
  return JSON.parse(marshalValue(encodeValue(item, type))) as AlloyJson;
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('malformed schema notation');
  return value;
}
