/**
 * What `string.format` hands to Go's `fmt.Sprintf`: each argument as the Go value upstream
 * converts it to (parameter type `any`). An int stays a Go `int`, a uint beyond int64 is a
 * `uint64`, every float a `float64` (even `3.0`), `null` is `nil`, an array
 * `[]interface {}` and an object a `map[string]interface {}`.
 *
 * Secrets are the one deliberate difference: upstream hands their text to `fmt`, which
 * prints it; here a secret is an operand that only ever prints `(secret)`.
 */
import { asOptionalSecret, asSecret } from '../../eval/secret.js';
import { INT64_MAX, type Value } from '../../eval/value.js';
import { compareByteOrder } from '../../source/byte-order.js';

export type Operand =
  | { readonly kind: 'nil' }
  | { readonly kind: 'int' | 'uint64'; readonly value: bigint }
  | { readonly kind: 'float64'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'slice'; readonly elements: readonly Operand[] }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, Operand])[] }
  /** A value `fmt` can only show as fixed text: a secret, a function, a host capsule. */
  | { readonly kind: 'opaque'; readonly typeName: string; readonly text: string };

export const SECRET_TEXT = '(secret)';

export function toOperand(value: Value): Operand {
  switch (value.type) {
    case 'null':
      return { kind: 'nil' };
    case 'number':
      if (value.kind === 'float') return { kind: 'float64', value: value.value };
      return value.kind === 'uint' && value.value > INT64_MAX
        ? { kind: 'uint64', value: value.value }
        : { kind: 'int', value: value.value };
    case 'string':
      return { kind: 'string', value: value.value };
    case 'bool':
      return { kind: 'bool', value: value.value };
    case 'array':
      return { kind: 'slice', elements: value.elements.map(toOperand) };
    case 'object':
      // A Go map, which fmt prints with its keys sorted.
      return {
        kind: 'map',
        entries: [...value.fields.keys()].sort(compareByteOrder).map((key) => [key, toOperand(value.fields.get(key)!)]),
      };
    case 'function':
      return { kind: 'opaque', typeName: 'func', text: 'function' };
    case 'capsule': {
      const optional = asOptionalSecret(value);
      if (asSecret(value) !== undefined || optional?.isSecret) {
        return { kind: 'opaque', typeName: value.capsule.typeName, text: SECRET_TEXT };
      }
      if (optional !== undefined) return { kind: 'opaque', typeName: value.capsule.typeName, text: `{false ${optional.reveal()}}` };
      return { kind: 'opaque', typeName: value.capsule.typeName, text: value.capsule.tokenize?.() ?? `capsule(${JSON.stringify(value.capsule.typeName)})` };
    }
  }
}

/** The Go type name `%T` and `%!verb(type=value)` show. */
export function goTypeName(operand: Operand): string {
  switch (operand.kind) {
    case 'nil':
      return '<nil>';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'opaque':
      return operand.typeName;
    default:
      return operand.kind;
  }
}
