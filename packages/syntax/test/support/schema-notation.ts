/**
 * The conformance data's schema notation (`conformance/syntax/README.md` §8), read into
 * Ingot's schema API, and a decoded object written back in the data's alloyjson shape.
 * Shared by the decode and alloyjson conformance runners.
 */
import { marshalValue } from '../../src/encoding/alloyjson.js';
import type { OptionalSecret, Secret } from '../../src/eval/secret.js';
import type { Value } from '../../src/eval/value.js';
import { formatDuration, millisecondsToNanoseconds } from '../../src/schema/duration.js';
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

export interface SchemaJson {
  readonly fields: readonly FieldJson[];
}

export interface FieldJson {
  readonly name: string;
  readonly kind: 'attr' | 'block' | 'enum' | 'label' | 'squash';
  readonly optional: boolean;
  readonly type?: string;
  readonly schema?: SchemaJson;
  readonly multi?: string;
}

export type AlloyJson = { readonly type: string; readonly value: unknown };

/** The notation's block schema as an Ingot schema; the label, if any, decodes under `""`. */
export function schemaFromJson(json: SchemaJson): BlockSchema {
  const label = json.fields.some((f) => f.kind === 'label') ? '' : undefined;
  return block({ fields: fieldsFromJson(json), label });
}

function fieldsFromJson(json: SchemaJson): Fields {
  const fields: Record<string, Field> = {};
  for (const f of json.fields) {
    switch (f.kind) {
      case 'label':
        break;
      case 'squash':
        // Upstream squash: the inner fields, inline, at this position.
        Object.assign(fields, fieldsFromJson(required(f.schema)));
        break;
      case 'attr':
        fields[f.name] = f.optional ? attr(typeFromJson(required(f.type)), { optional: true }) : attr(typeFromJson(required(f.type)));
        break;
      case 'enum':
        fields[f.name] = enumBlocks(
          Object.fromEntries(required(f.schema).fields.map((alt) => [alt.name, schemaFromJson(required(alt.schema))])),
        );
        break;
      case 'block':
        fields[f.name] = blockField(f);
        break;
    }
  }
  return fields;
}

function blockField(f: FieldJson): Field {
  // `map<any>` and `any` blocks collect their attributes into a map of values.
  const schema: BodySchema = f.type === undefined ? schemaFromJson(required(f.schema)) : mapBlock(t.any);
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
  return json.fields.flatMap((f) => (f.kind === 'squash' ? flatten(required(f.schema)) : [f]));
}

function fieldToJson(item: unknown, f: FieldJson): AlloyJson {
  switch (f.kind) {
    case 'label':
      return { type: 'string', value: item };
    case 'attr':
      return valueToJson(item, typeFromJson(required(f.type)));
    case 'enum': {
      const alternatives = required(f.schema).fields;
      return {
        type: 'array',
        value: (item as { kind: string; value: Record<string, unknown> }[]).map((element) => {
          const alternative = alternatives.find((a) => a.name === element.kind)!;
          return {
            type: 'object',
            value: [{ key: element.kind, value: decodedToJson(element.value, required(alternative.schema)) }],
          };
        }),
      };
    }
    case 'block': {
      const one = (decoded: unknown): AlloyJson =>
        f.type === undefined
          ? decodedToJson(decoded as Record<string, unknown>, required(f.schema))
          : valueToJson(decoded, t.map(t.any));
      return f.multi === undefined ? one(item) : { type: 'array', value: (item as unknown[]).map(one) };
    }
    case 'squash':
      throw new Error('squash fields are flattened');
  }
}

function valueToJson(item: unknown, type: AttrType): AlloyJson {
  switch (type.kind) {
    case 'string': return { type: 'string', value: item };
    case 'bool': return { type: 'bool', value: item };
    case 'number': return { type: 'number', value: item };
    // A Go duration is a string value spelled by `Duration.String()`.
    case 'duration': return { type: 'string', value: formatDuration(millisecondsToNanoseconds(item as number)) };
    case 'secret': return { type: 'capsule', value: (item as Secret).tokenize() };
    case 'optional_secret': return { type: 'capsule', value: (item as OptionalSecret).tokenize() };
    case 'any': return JSON.parse(marshalValue(item as Value)) as AlloyJson;
    case 'array': return { type: 'array', value: (item as unknown[]).map((e) => valueToJson(e, type.element)) };
    case 'map': {
      // Go maps print in byte order of their keys.
      const record = item as Record<string, unknown>;
      const keys = Object.keys(record).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      return { type: 'object', value: keys.map((key) => ({ key, value: valueToJson(record[key], type.element) })) };
    }
    case 'object': {
      const record = item as Record<string, unknown>;
      return {
        type: 'object',
        value: Object.entries(type.fields as Record<string, AttrType>).map(([key, fieldType]) => ({
          key,
          value: valueToJson(record[key], fieldType),
        })),
      };
    }
    case 'capsule':
      throw new Error('the notation has no capsule types');
  }
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('malformed schema notation');
  return value;
}
