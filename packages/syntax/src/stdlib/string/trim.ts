/**
 * `string.trim(text, cutset)`: Go `strings.Trim`. Leading and trailing characters that
 * occur anywhere in `cutset` are removed: it is a set of characters, not a prefix.
 */
import { string, type FunctionValue } from '../../eval/value.js';
import { stringFunction } from '../string-function.js';

export const trim: FunctionValue = stringFunction(2, (text, cutset) => {
  const cut = new Set(Array.from(cutset));
  const characters = Array.from(text);
  let start = 0;
  let end = characters.length;
  while (start < end && cut.has(characters[start]!)) start++;
  while (end > start && cut.has(characters[end - 1]!)) end--;
  return string(characters.slice(start, end).join(''));
});
