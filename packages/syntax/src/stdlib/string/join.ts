/** `string.join(list, separator)`: Go `strings.Join`; elements convert as string arguments do. */
import { string, typedFunction, type FunctionValue } from '../../eval/value.js';
import { textOf } from '../string-function.js';

export const join: FunctionValue = typedFunction(['string[]', 'string'], ([list, separator]) => {
  const elements = list?.type === 'array' ? list.elements.map(textOf) : [];
  return string(elements.join(textOf(separator)));
});
