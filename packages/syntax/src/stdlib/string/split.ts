/**
 * `string.split(text, separator)`: Go `strings.Split`. Every occurrence splits and empty
 * fields stay; an empty separator splits into characters (each invalid byte on its own),
 * so an empty text then gives no fields at all, but `[""]` with any other separator.
 */
import { array, string, type FunctionValue } from '../../eval/value.js';
import { stringFunction } from '../string-function.js';

export const split: FunctionValue = stringFunction(2, (text, separator) => {
  const fields = separator === '' ? Array.from(text) : text.split(separator);
  return array(fields.map((field) => string(field)));
});
