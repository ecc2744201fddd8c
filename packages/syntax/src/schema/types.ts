/**
 * The types an attribute's value can decode into: upstream's Go field types, as data.
 *
 * A type is a small immutable descriptor; `Infer<T>` computes the TypeScript type of the
 * decoded value from it, so a component never writes an interface by hand. The decoder
 * (`decode-value.ts`), the JSON Schema (`json-schema.ts`) and the reference docs
 * (`reference.ts`) all read the same descriptors.
 *
 * Decoded representations:
 * - numbers are JavaScript numbers, converted as Go converts into the declared width (no
 *   range check: `uint8` ← 300 is 44). 64-bit integers beyond 2^53 round to the nearest
 *   double: exact enough for every argument Alloy has, and JSON-able;
 * - durations are milliseconds (fractions allowed: `"1ns"` is 1e-6);
 * - secrets are the evaluator's `Secret` and `OptionalSecret` capsules;
 * - `any` keeps the evaluated Alloy `Value` as it is: upstream decodes into Go's generic
 *   form and re-encodes it without loss, and a `Value` loses nothing either (int, uint and
 *   float stay apart; capsules and functions survive).
 */
import type { OptionalSecret, Secret } from '../eval/secret.js';
import type { Capsule, Value } from '../eval/value.js';

/** Go's numeric types: the decoder converts into exactly this width, as Go does. */
export type NumberWidth =
  | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'float32' | 'float64';

export interface StringType { readonly kind: 'string' }
export interface BoolType { readonly kind: 'bool' }
export interface NumberType { readonly kind: 'number'; readonly width: NumberWidth }
export interface DurationType { readonly kind: 'duration' }
export interface SecretType { readonly kind: 'secret' }
export interface OptionalSecretType { readonly kind: 'optional_secret' }
export interface AnyType { readonly kind: 'any' }

export interface ArrayType<E extends AttrType = AttrType> {
  readonly kind: 'array';
  readonly element: E;
  /** A Go array (`[N]T`) rather than a slice: the value must have exactly this length. */
  readonly length?: number;
}

/** Go `map[string]T`: an object with any keys. */
export interface MapType<E extends AttrType = AttrType> {
  readonly kind: 'map';
  readonly element: E;
}

/** A Go struct written as an object literal: `{ url = "…", timeout = "5s" }`. */
export interface ObjectType<F extends ObjectFields = ObjectFields> {
  readonly kind: 'object';
  readonly fields: F;
}

export type ObjectFields = { readonly [key: string]: AttrType };

/**
 * A host value without an Alloy representation (a receiver, a client): accepted only when
 * `guard` recognises it. `typeName` is the name messages quote: `capsule("pyroscope.Appendable")`.
 */
export interface CapsuleType<T extends Capsule = Capsule> {
  readonly kind: 'capsule';
  readonly typeName: string;
  readonly guard: (capsule: Capsule) => capsule is T;
}

export type AttrType =
  | StringType
  | BoolType
  | NumberType
  | DurationType
  | SecretType
  | OptionalSecretType
  | AnyType
  | ArrayType<any>
  | MapType<any>
  | ObjectType<any>
  | CapsuleType<any>;

/** The TypeScript type a value of type `T` decodes into. */
export type Infer<T extends AttrType> =
  T extends StringType ? string
  : T extends BoolType ? boolean
  : T extends NumberType ? number
  : T extends DurationType ? number
  : T extends SecretType ? Secret
  : T extends OptionalSecretType ? OptionalSecret
  : T extends AnyType ? Value
  : T extends ArrayType<infer E> ? readonly Infer<E>[]
  : T extends MapType<infer E> ? { readonly [key: string]: Infer<E> }
  : T extends ObjectType<infer F> ? { readonly [K in keyof F]: Infer<F[K]> }
  // A capsule's zero value is Go's nil interface: `x = null` stores it.
  : T extends CapsuleType<infer C> ? C | null
  : never;

function number(width: NumberWidth): NumberType {
  return Object.freeze({ kind: 'number', width });
}

const STRING: StringType = Object.freeze({ kind: 'string' });
const BOOL: BoolType = Object.freeze({ kind: 'bool' });
const DURATION: DurationType = Object.freeze({ kind: 'duration' });
const SECRET: SecretType = Object.freeze({ kind: 'secret' });
const OPTIONAL_SECRET: OptionalSecretType = Object.freeze({ kind: 'optional_secret' });
const ANY: AnyType = Object.freeze({ kind: 'any' });

/** The value types. Each constant is frozen; the functions build composite types. */
export const t = Object.freeze({
  string: STRING,
  bool: BOOL,
  /** Go `int` (64 bits). */
  int: number('int'),
  int8: number('int8'),
  int16: number('int16'),
  int32: number('int32'),
  int64: number('int64'),
  /** Go `uint` (64 bits). */
  uint: number('uint'),
  uint8: number('uint8'),
  uint16: number('uint16'),
  uint32: number('uint32'),
  uint64: number('uint64'),
  float32: number('float32'),
  /** Go `float64`: what Alloy's docs call `number` when no integer is required. */
  float64: number('float64'),
  /** Go `time.Duration`, written `"15s"`; decoded to milliseconds. */
  duration: DURATION,
  secret: SECRET,
  optionalSecret: OPTIONAL_SECRET,
  any: ANY,

  /** A list (Go slice); with `length`, a Go array of exactly that many elements. */
  array<E extends AttrType>(element: E, length?: number): ArrayType<E> {
    return Object.freeze(length === undefined ? { kind: 'array', element } : { kind: 'array', element, length });
  },

  map<E extends AttrType>(element: E): MapType<E> {
    return Object.freeze({ kind: 'map', element });
  },

  /**
   * A struct written as an object literal. Keys missing from the literal hold their zero
   * value: upstream checks no required keys here (only its static typecheck does).
   */
  object<const F extends ObjectFields>(fields: F): ObjectType<F> {
    return Object.freeze({ kind: 'object', fields: Object.freeze({ ...fields }) });
  },

  capsule<T extends Capsule>(typeName: string, guard: (capsule: Capsule) => capsule is T): CapsuleType<T> {
    return Object.freeze({ kind: 'capsule', typeName, guard });
  },
});
