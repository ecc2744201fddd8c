/**
 * Converting a value to what a typed parameter expects (upstream `value.Decode` into the
 * Go parameter type): the rules for function arguments, and for attributes decoded into
 * string, number, list-of-string, secret and optional-secret fields.
 *
 * A number becomes its decimal text and `null` the empty string, and a string that spells
 * a number becomes that number, but a bool never becomes a string. A secret never becomes
 * a string. Failures are thrown as value errors about the value being converted, so a
 * diagnostic can point at the expression that produced it.
 */
import { decodeSourceText } from '../source/source-text.js';
import { bytesOf } from './byte-array.js';
import { ElementError, EvalError, ValueError, ValueTypeError } from './errors.js';
import { numberToString, parseNumberString } from './number.js';
import { asOptionalSecret, asSecret, optionalSecretValue, secretValue } from './secret.js';
import {
  array,
  string,
  type ArrayValue,
  type CapsuleValue,
  type NumberValue,
  type ParamType,
  type StringValue,
  type Value,
} from './value.js';

export const SECRET_TO_STRING = 'secrets may not be converted into strings';

export function convertToParam(value: Value, type: ParamType): Value {
  switch (type) {
    case 'string':
      return convertToString(value);
    case 'string[]':
      return convertToStringList(value);
    case 'secret':
      return convertToSecret(value);
    case 'any':
      return value;
  }
}

/** A value as a string: strings, numbers (their text), `null` (`""`), byte arrays, non-secret optional secrets. */
export function convertToString(value: Value): StringValue {
  switch (value.type) {
    case 'string':
      return value;
    case 'number':
      return string(numberToString(value));
    case 'null':
      return string('');
    case 'array': {
      const bytes = bytesOf(value);
      if (bytes !== undefined) return string(decodeSourceText(bytes));
      break;
    }
    case 'capsule': {
      if (asSecret(value) !== undefined) throw new ValueError(value, SECRET_TO_STRING);
      const optional = asOptionalSecret(value);
      if (optional?.isSecret) throw new ValueError(value, SECRET_TO_STRING);
      if (optional !== undefined) return string(optional.reveal());
      break;
    }
  }
  throw new ValueTypeError(value, 'string');
}

/**
 * A value as a list of strings (Go `[]string`): an array whose elements convert to
 * strings, or `null` for the empty list. A bad element fails as an element error, so the
 * message can name the element when it is written out in the source.
 */
export function convertToStringList(value: Value): ArrayValue {
  if (value.type === 'null') return array([]);
  if (value.type !== 'array') throw new ValueTypeError(value, 'array');
  return array(
    value.elements.map((element, index) => {
      try {
        return convertToString(element);
      } catch (error) {
        if (error instanceof EvalError) throw new ElementError(value, index, error);
        throw error;
      }
    }),
  );
}

/**
 * A value as a secret (Go `alloytypes.Secret`): a secret, any optional secret, a string
 * (now secret), or `null` (the empty secret). Anything else is not a capsule.
 */
export function convertToSecret(value: Value): CapsuleValue {
  if (value.type === 'capsule' && asSecret(value) !== undefined) return value;
  const optional = asOptionalSecret(value);
  if (optional !== undefined) return secretValue(optional.reveal());
  if (value.type === 'string') return secretValue(value.value);
  if (value.type === 'null') return secretValue('');
  throw new ValueTypeError(value, 'capsule');
}

/**
 * A value as a number (a Go numeric field): a number, or a string or non-secret optional
 * secret spelling one (`"12"` is uint 12, `"-3"` int, `"1.5"` float). Anything else,
 * `null` included, `should be number`.
 */
export function convertToNumber(value: Value): NumberValue {
  if (value.type === 'number') return value;
  let text: string | undefined;
  if (value.type === 'string') text = value.value;
  const optional = asOptionalSecret(value);
  if (optional !== undefined && !optional.isSecret) text = optional.reveal();
  const parsed = text === undefined ? undefined : parseNumberString(text);
  if (parsed === undefined) throw new ValueTypeError(value, 'number');
  return parsed;
}

/**
 * A value as an optional secret (Go `alloytypes.OptionalSecret`): an optional secret as it
 * is, a secret (still secret), a string (readable), or `null` (the empty, readable one).
 * Anything else is not a capsule.
 */
export function convertToOptionalSecret(value: Value): CapsuleValue {
  if (value.type === 'capsule' && asOptionalSecret(value) !== undefined) return value;
  const secret = asSecret(value);
  if (secret !== undefined) return optionalSecretValue(secret.reveal(), true);
  if (value.type === 'string') return optionalSecretValue(value.value, false);
  if (value.type === 'null') return optionalSecretValue('', false);
  throw new ValueTypeError(value, 'capsule');
}
