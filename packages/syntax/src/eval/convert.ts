/**
 * Converting a value to what a typed parameter expects (upstream `value.Decode` into the
 * Go parameter type): the rules for function arguments, and for attributes decoded into
 * string, list-of-string and secret fields.
 *
 * Conversions are lenient in one direction only: a number becomes its decimal text and
 * `null` the empty string, but a bool never becomes a string and a string never a number
 * here. A secret never becomes a string. Failures are thrown as value errors about the
 * value being converted, so a diagnostic can point at the expression that produced it.
 */
import { decodeSourceText } from '../source/source-text.js';
import { bytesOf } from './byte-array.js';
import { ElementError, EvalError, ValueError, ValueTypeError } from './errors.js';
import { numberToString } from './number.js';
import { asOptionalSecret, asSecret, secretValue } from './secret.js';
import { array, string, type ArrayValue, type CapsuleValue, type ParamType, type StringValue, type Value } from './value.js';

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
