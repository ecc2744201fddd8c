/**
 * `convert.nonsensitive(secret)`: a secret's text as a plain string, the one way to reveal
 * a secret on purpose. The argument converts to a secret first, so a string, an optional
 * secret or `null` are accepted too.
 */
import { asSecret } from '../../eval/secret.js';
import { string, typedFunction, type FunctionValue } from '../../eval/value.js';

export const nonsensitive: FunctionValue = typedFunction(['secret'], ([secret]) => string(asSecret(secret!)!.reveal()));
