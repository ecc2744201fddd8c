/**
 * Alloy values: what evaluating an expression produces.
 *
 * Every value is a small immutable object, never a bare JavaScript primitive, because
 * errors point at the expression that produced the offending value *by identity* (see
 * `diagnose.ts`): two equal strings from two places in a file must stay distinguishable.
 *
 * Numbers keep upstream's three kinds. `int` and `uint` are exact 64-bit integers held in
 * `bigint` (JavaScript doubles lose integers above 2^53), `float` is an IEEE double.
 * Strings are JavaScript strings in which a byte that is not valid UTF-8 (as `"\xff"`
 * produces) stands as one lone surrogate U+DC80..U+DCFF, as in `source/source-text.ts`.
 */

export type ValueType = 'null' | 'number' | 'string' | 'bool' | 'array' | 'object' | 'function' | 'capsule';

export type Value =
  | NullValue
  | NumberValue
  | StringValue
  | BoolValue
  | ArrayValue
  | ObjectValue
  | FunctionValue
  | CapsuleValue;

export interface NullValue {
  readonly type: 'null';
}

export type NumberKind = 'int' | 'uint' | 'float';
export type NumberValue = IntValue | UintValue | FloatValue;

/** A signed 64-bit integer: `value` is within [-2^63, 2^63). */
export interface IntValue {
  readonly type: 'number';
  readonly kind: 'int';
  readonly value: bigint;
}

/** An unsigned 64-bit integer: `value` is within [0, 2^64). */
export interface UintValue {
  readonly type: 'number';
  readonly kind: 'uint';
  readonly value: bigint;
}

export interface FloatValue {
  readonly type: 'number';
  readonly kind: 'float';
  readonly value: number;
}

export interface StringValue {
  readonly type: 'string';
  readonly value: string;
}

export interface BoolValue {
  readonly type: 'bool';
  readonly value: boolean;
}

export interface ArrayValue {
  readonly type: 'array';
  readonly elements: readonly Value[];
}

export interface ObjectValue {
  readonly type: 'object';
  readonly fields: ReadonlyMap<string, Value>;
  /**
   * Whether the keys have a meaningful order. Object literals and decoded JSON do not
   * (upstream backs them with Go maps): they print with keys sorted by byte order. Host
   * objects, such as a component's exports, keep their declared order.
   */
  readonly ordered: boolean;
}

/** How a built-in function receives its arguments. */
export type FunctionSignature =
  /** Arguments are checked for count and converted to `params` before the call. */
  | { readonly kind: 'typed'; readonly params: readonly ParamType[]; readonly variadic: boolean }
  /** Arguments arrive as they are; the function checks them itself. */
  | { readonly kind: 'raw' };

/** What a typed parameter accepts (upstream: the Go parameter type). */
export type ParamType = 'string' | 'string[]' | 'secret' | 'any';

export interface FunctionValue {
  readonly type: 'function';
  readonly signature: FunctionSignature;
  /**
   * Runs the function on arguments already converted per the signature. Failures are
   * thrown as the value errors of `errors.ts`.
   */
  readonly invoke: (args: readonly Value[]) => Value;
}

export interface CapsuleValue {
  readonly type: 'capsule';
  readonly capsule: Capsule;
}

/**
 * An opaque host value: a secret, a component's receiver, anything without an Alloy
 * representation. The optional members are the behaviours upstream capsules may have.
 */
export interface Capsule {
  /** The host type's name, as messages quote it: `capsule("alloytypes.Secret")`. */
  readonly typeName: string;
  /** Equality with another capsule (upstream: deep equality of the Go values). */
  equals(other: Capsule): boolean;
  /** How the value prints in Alloy syntax and alloyjson; `(secret)` for secrets. */
  tokenize?(): string;
  /** A view of the capsule as an object, for `.field`, `["key"]` and printing. */
  asObject?(): ObjectValue | undefined;
  /** A description for alloyjson when the capsule neither tokenizes nor is an object. */
  describe?(): string;
}

/**
 * How deeply values may nest. Source text cannot nest deeper than the parser's limit, and
 * decoders (`encoding.from_json`, `from_yaml`) refuse deeper documents too, so everything
 * that walks a value recursively (printing, alloyjson, equality, decoding) stays well
 * inside the JavaScript stack. Upstream allows 10000 levels of JSON.
 */
export const MAX_VALUE_DEPTH = 100;

export const NULL: NullValue = Object.freeze({ type: 'null' });
export const TRUE: BoolValue = Object.freeze({ type: 'bool', value: true });
export const FALSE: BoolValue = Object.freeze({ type: 'bool', value: false });

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
export const UINT64_MAX = 2n ** 64n - 1n;

export function int(value: bigint): IntValue {
  return { type: 'number', kind: 'int', value: BigInt.asIntN(64, value) };
}

export function uint(value: bigint): UintValue {
  return { type: 'number', kind: 'uint', value: BigInt.asUintN(64, value) };
}

export function float(value: number): FloatValue {
  return { type: 'number', kind: 'float', value };
}

export function string(value: string): StringValue {
  return { type: 'string', value };
}

/** A fresh boolean value (not the shared constants), so it can be traced to its node. */
export function bool(value: boolean): BoolValue {
  return { type: 'bool', value };
}

export function array(elements: readonly Value[]): ArrayValue {
  return { type: 'array', elements };
}

export function object(fields: ReadonlyMap<string, Value>, ordered = false): ObjectValue {
  return { type: 'object', fields, ordered };
}

export function capsule(value: Capsule): CapsuleValue {
  return { type: 'capsule', capsule: value };
}

export function typedFunction(
  params: readonly ParamType[],
  invoke: (args: readonly Value[]) => Value,
  variadic = false,
): FunctionValue {
  return { type: 'function', signature: { kind: 'typed', params, variadic }, invoke };
}

export function rawFunction(invoke: (args: readonly Value[]) => Value): FunctionValue {
  return { type: 'function', signature: { kind: 'raw' }, invoke };
}

/**
 * The word messages use for a value's type (upstream `Value.Describe`): the type name,
 * or `capsule("<host type>")` for a capsule.
 */
export function describe(value: Value): string {
  return value.type === 'capsule' ? `capsule(${JSON.stringify(value.capsule.typeName)})` : value.type;
}
