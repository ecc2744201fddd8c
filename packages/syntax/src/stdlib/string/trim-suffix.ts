/** `string.trim_suffix(text, suffix)`: `text` without one trailing `suffix`, if it has one. */
import { string, type FunctionValue } from '../../eval/value.js';
import { stringFunction } from '../string-function.js';

export const trimSuffix: FunctionValue = stringFunction(2, (text, suffix) =>
  string(suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text),
);
