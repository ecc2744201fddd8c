/**
 * `coalesce(...values)`: the first argument that is not empty, else the last argument
 * (`null` when there are none). Empty is upstream's notion, wider than its docs say: `null`,
 * `""`, `0`, `false`, an empty array or object, and a capsule holding a zero value (an
 * empty secret). `-0.0` is not empty, being a different float from `0`.
 */
import { asOptionalSecret, asSecret } from '../eval/secret.js';
import { NULL, rawFunction, type FunctionValue, type Value } from '../eval/value.js';

export const coalesce: FunctionValue = rawFunction((args) => args.find((arg) => !isEmpty(arg)) ?? args.at(-1) ?? NULL);

function isEmpty(value: Value): boolean {
  switch (value.type) {
    case 'null':
      return true;
    case 'string':
      return value.value === '';
    case 'bool':
      return !value.value;
    case 'number':
      return value.kind === 'float' ? Object.is(value.value, 0) : value.value === 0n;
    case 'array':
      return value.elements.length === 0;
    case 'object':
      return value.fields.size === 0;
    case 'function':
      return false;
    case 'capsule': {
      const secret = asSecret(value);
      if (secret !== undefined) return secret.reveal() === '';
      const optional = asOptionalSecret(value);
      if (optional !== undefined) return !optional.isSecret && optional.reveal() === '';
      return value.capsule.asObject?.()?.fields.size === 0;
    }
  }
}
