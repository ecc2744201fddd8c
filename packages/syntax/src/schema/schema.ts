/**
 * Declaring what a block accepts: upstream's tagged Go structs, as data.
 *
 * A component declares its arguments (and exports) once:
 *
 * ```ts
 * const Endpoint = block({
 *   label: 'name',
 *   fields: {
 *     url: attr(t.string),
 *     timeout: attr(t.duration, { default: 30_000 }),
 *     basic_auth: child(BasicAuth, { optional: true }),
 *   },
 * });
 * type Endpoint = Decoded<typeof Endpoint>; // { name: string; url: string; timeout: number; basic_auth?: … }
 * ```
 *
 * Keys of `fields` are the Alloy names, verbatim (`max_retries`, or dotted `child.block`
 * for a block), and also the keys of the decoded object; their order is the field order
 * (upstream's struct order, which the docs, alloyjson and the "missing required" checks
 * follow). Upstream's `squash` is a spread: `fields: { ...Common.fields, extra: attr(…) }`
 * inlines another schema's fields at that position.
 *
 * Programmer mistakes (a dotted attribute name, a name used twice) throw when the schema
 * is declared, as upstream panics at first use: a component with a broken schema must not
 * load at all.
 */
import { isValidIdentifier } from '../lexer/identifier.js';
import type { AttrType, Infer } from './types.js';

/** Whether a field must be written; `defaulted` fields are optional with a declared default. */
export type Presence = 'required' | 'optional' | 'defaulted';

interface Documented {
  /** One sentence for the reference docs. */
  readonly doc?: string;
}

/** An attribute `name = value` (upstream `attr` / `attr,optional`). */
export type AttrField<T extends AttrType = AttrType, P extends Presence = Presence> = Documented & {
  readonly kind: 'attr';
  readonly type: T;
  readonly presence: P;
} & (P extends 'defaulted' ? { readonly default: Infer<T> } : { readonly default?: undefined });

/** A single nested block (upstream `block` / `block,optional` on a struct or pointer). */
export type BlockField<S extends BodySchema = BodySchema, P extends Presence = Presence> = Documented & {
  readonly kind: 'block';
  readonly schema: S;
  readonly presence: P;
} & (P extends 'defaulted' ? { readonly default: Decoded<S> } : { readonly default?: undefined });

/** Any number of blocks of one name (upstream `block` on a slice): an array in source order. */
export interface RepeatedBlockField<S extends BodySchema = BodySchema> extends Documented {
  readonly kind: 'blocks';
  readonly schema: S;
  /** A required repeated block must be written at least once. */
  readonly presence: 'required' | 'optional';
}

/** Exactly `count` blocks of one name (upstream `block` on a Go array `[N]T`). */
export interface FixedBlocksField<
  S extends BodySchema = BodySchema,
  N extends number = number,
  P extends 'required' | 'optional' = 'required' | 'optional',
> extends Documented {
  readonly kind: 'fixed_blocks';
  readonly schema: S;
  readonly count: N;
  /** An optional fixed-count field may be left out entirely. */
  readonly presence: P;
}

/**
 * Blocks named `<field>.<alternative>` collected in source order, each element holding the
 * one alternative written (upstream `enum`). Never required, repetition allowed.
 */
export interface EnumField<A extends Alternatives = Alternatives> extends Documented {
  readonly kind: 'enum';
  readonly alternatives: A;
}

export type Alternatives = { readonly [name: string]: BlockSchema<any, any> };

export type Field =
  | AttrField<any, any>
  | BlockField<any, any>
  | RepeatedBlockField<any>
  | FixedBlocksField<any, any, any>
  | EnumField<any>;

export type Fields = { readonly [name: string]: Field };

/** A block whose body is statements decoded into fields (upstream: a tagged struct). */
export interface BlockSchema<F extends Fields = Fields, L extends string | undefined = string | undefined>
  extends Documented {
  readonly kind: 'struct';
  readonly fields: F;
  /** The decoded property that receives the block's label; absent when labels are refused. */
  readonly label: L;
  /** Checks the decoded block as a whole (upstream `Validate()`); returns an error message. */
  readonly validate?: (value: DecodedStruct<F, L>) => string | undefined;
}

/**
 * A block whose attributes form a map of `element` values (upstream: a block decoded into
 * `map[string]T` or `any`). It takes no label and no nested blocks.
 */
export interface MapBlockSchema<E extends AttrType = AttrType> extends Documented {
  readonly kind: 'map';
  readonly element: E;
}

export type BodySchema = BlockSchema<any, any> | MapBlockSchema<any>;

// ---------------------------------------------------------------------------------------
// Inferred types

/** The decoded form of a block: what a component receives. */
export type Decoded<S extends BodySchema> =
  S extends BlockSchema<infer F, infer L> ? DecodedStruct<F, L>
  : S extends MapBlockSchema<infer E> ? { readonly [key: string]: Infer<E> }
  : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type Tuple<T, N extends number, R extends readonly T[] = []> =
  number extends N ? readonly T[] : R['length'] extends N ? R : Tuple<T, N, readonly [...R, T]>;

/** One element of an enum field: which alternative was written, and its block. */
export type EnumElement<A extends Alternatives> = {
  readonly [K in keyof A & string]: { readonly kind: K; readonly value: Decoded<A[K]> };
}[keyof A & string];

export type FieldValue<F extends Field> =
  F extends AttrField<infer T, any> ? Infer<T>
  : F extends BlockField<infer S, any> ? Decoded<S>
  : F extends RepeatedBlockField<infer S> ? readonly Decoded<S>[]
  : F extends FixedBlocksField<infer S, infer N, any> ? Tuple<Decoded<S>, N>
  : F extends EnumField<infer A> ? readonly EnumElement<A>[]
  : never;

/** Fields that may be absent from the decoded object: optional ones without a default. */
type OptionalKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends RepeatedBlockField<any> | EnumField<any> ? never
    : F[K] extends { readonly presence: 'optional' } ? K : never;
}[keyof F];

export type DecodedStruct<F extends Fields, L extends string | undefined> = Simplify<
  (L extends string ? { readonly [K in L]: string } : unknown) &
  { readonly [K in Exclude<keyof F, OptionalKeys<F>>]: FieldValue<F[K]> } &
  { readonly [K in OptionalKeys<F>]?: FieldValue<F[K]> }
>;

// ---------------------------------------------------------------------------------------
// Constructors

export function attr<T extends AttrType>(type: T, options?: Documented): AttrField<T, 'required'>;
export function attr<T extends AttrType>(type: T, options: Documented & { readonly optional: true }): AttrField<T, 'optional'>;
export function attr<T extends AttrType>(type: T, options: Documented & { readonly default: Infer<NoInfer<T>> }): AttrField<T, 'defaulted'>;
export function attr(type: AttrType, options: FieldOptions<Infer<AttrType>> = {}): Field {
  return Object.freeze({ kind: 'attr', type, ...presenceOf(options), ...docOf(options) });
}

/** A single nested block; required unless `optional` or given a `default`. */
export function child<S extends BodySchema>(schema: S, options?: Documented): BlockField<S, 'required'>;
export function child<S extends BodySchema>(schema: S, options: Documented & { readonly optional: true }): BlockField<S, 'optional'>;
export function child<S extends BodySchema>(schema: S, options: Documented & { readonly default: Decoded<NoInfer<S>> }): BlockField<S, 'defaulted'>;
export function child(schema: BodySchema, options: FieldOptions<Decoded<BodySchema>> = {}): Field {
  return Object.freeze({ kind: 'block', schema, ...presenceOf(options), ...docOf(options) });
}

/**
 * Blocks that may be written several times: an array in source order. With `count`,
 * exactly that many (upstream: a Go array field).
 */
export function children<S extends BodySchema>(
  schema: S,
  options?: Documented & { readonly optional?: boolean },
): RepeatedBlockField<S>;
export function children<S extends BodySchema, const N extends number>(
  schema: S,
  options: Documented & { readonly optional: true; readonly count: N },
): FixedBlocksField<S, N, 'optional'>;
export function children<S extends BodySchema, const N extends number>(
  schema: S,
  options: Documented & { readonly optional?: false; readonly count: N },
): FixedBlocksField<S, N, 'required'>;
export function children(
  schema: BodySchema,
  options: Documented & { readonly optional?: boolean; readonly count?: number } = {},
): Field {
  const presence = options.optional === true ? 'optional' : 'required';
  if (options.count === undefined) return Object.freeze({ kind: 'blocks', schema, presence, ...docOf(options) });
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new Error(`syntax: fixed block count must be a positive integer, got ${options.count}`);
  }
  return Object.freeze({ kind: 'fixed_blocks', schema, count: options.count, presence, ...docOf(options) });
}

/** Blocks `<name>.<alternative> { … }` in any order and number (upstream `enum`). */
export function enumBlocks<const A extends Alternatives>(alternatives: A, options: Documented = {}): EnumField<A> {
  for (const name of Object.keys(alternatives)) {
    if (!isValidIdentifier(name)) throw new Error(`syntaxtags: non-empty field name required at ${JSON.stringify(name)}`);
  }
  return Object.freeze({ kind: 'enum', alternatives: Object.freeze({ ...alternatives }), ...docOf(options) });
}

/** A block whose attributes are collected into a map of `element` values. */
export function mapBlock<E extends AttrType>(element: E, options: Documented = {}): MapBlockSchema<E> {
  return Object.freeze({ kind: 'map', element, ...docOf(options) });
}

export interface BlockDefinition<F extends Fields, L extends string | undefined> extends Documented {
  readonly fields: F;
  /** The decoded property that receives the label; give it when the block takes a label. */
  readonly label?: L;
  readonly validate?: (value: DecodedStruct<F, NoInfer<L>>) => string | undefined;
}

/** Declares a block (or a component's whole arguments or exports). */
export function block<const F extends Fields, const L extends string | undefined = undefined>(
  definition: BlockDefinition<F, L>,
): BlockSchema<F, NoInfer<L>> {
  checkFieldNames(definition.fields, definition.label);
  return Object.freeze({
    kind: 'struct',
    fields: Object.freeze({ ...definition.fields }),
    label: definition.label as L,
    ...(definition.validate === undefined ? {} : { validate: definition.validate }),
    ...docOf(definition),
  });
}

// ---------------------------------------------------------------------------------------

type FieldOptions<D> = Documented & { readonly optional?: true; readonly default?: D };

function presenceOf<D>(
  options: FieldOptions<D>,
): { readonly presence: 'required' | 'optional' } | { readonly presence: 'defaulted'; readonly default: D } {
  if (options.default !== undefined) return { presence: 'defaulted', default: options.default };
  return { presence: options.optional === true ? 'optional' : 'required' };
}

function docOf(options: Documented): Documented {
  return options.doc === undefined ? {} : { doc: options.doc };
}

/**
 * Upstream's tag checks that still apply to a declaration: names are identifiers (dotted
 * only for blocks and enums), and no Alloy name is claimed twice, counting the names an
 * enum's alternatives occupy and the label's property.
 */
function checkFieldNames(fields: Fields, label: string | undefined): void {
  const owners = new Map<string, string>();
  const claim = (name: string, owner: string): void => {
    const previous = owners.get(name);
    if (previous !== undefined) throw new Error(`syntax: field name ${name} already used by ${previous}`);
    owners.set(name, owner);
  };

  for (const [name, field] of Object.entries(fields)) {
    const fragments = name.split('.');
    if (!fragments.every(isValidIdentifier)) {
      throw new Error(`syntaxtags: non-empty field name required at ${JSON.stringify(name)}`);
    }
    if (fragments.length > 1 && field.kind === 'attr') {
      throw new Error(`syntax: field names with \`.\` may only be used by blocks or enums (found at ${name})`);
    }
    if (field.kind === 'enum') {
      for (const alternative of Object.keys(field.alternatives)) claim(`${name}.${alternative}`, name);
    } else {
      claim(name, name);
    }
  }
  if (label !== undefined && Object.hasOwn(fields, label)) {
    throw new Error(`syntax: label field already used by ${label}`);
  }
}
