/**
 * `string.replace(text, old, new)`: Go `strings.ReplaceAll`, non-overlapping matches left
 * to right. An empty `old` matches at the start, between characters and at the end.
 */
import { string, type FunctionValue } from '../../eval/value.js';
import { stringFunction } from '../string-function.js';

export const replace: FunctionValue = stringFunction(3, (text, old, replacement) => {
  // split/join rather than replaceAll, whose replacement would read `$&` and the like.
  const parts = old === '' ? ['', ...Array.from(text), ''] : text.split(old);
  return string(text === '' && old === '' ? replacement : parts.join(replacement));
});
