/** `string.trim_prefix(text, prefix)`: `text` without one leading `prefix`, if it has one. */
import { string, type FunctionValue } from '../../eval/value.js';
import { stringFunction } from '../string-function.js';

export const trimPrefix: FunctionValue = stringFunction(2, (text, prefix) =>
  string(text.startsWith(prefix) ? text.slice(prefix.length) : text),
);
