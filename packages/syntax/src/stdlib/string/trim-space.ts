/**
 * `string.trim_space(text)`: Go `strings.TrimSpace`, which trims Go's `unicode.IsSpace`
 * characters. That set differs from JavaScript's `trim()`: it has U+0085 and lacks U+FEFF.
 */
import { string, type FunctionValue } from '../../eval/value.js';
import { stringFunction } from '../string-function.js';

const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SURROUNDING_SPACE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

export const trimSpace: FunctionValue = stringFunction(1, (text) => string(text.replace(SURROUNDING_SPACE, '')));
