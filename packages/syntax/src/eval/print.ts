/**
 * A value in Alloy syntax, as `ingot eval` prints it and as diagnostics show an offending
 * value: upstream's token builder followed by the formatter, so `[1, 2]`, `"a\tb"`, and
 * an object with each field on its own line, `=` signs aligned. Unordered objects list
 * their keys in byte order. A capsule prints its own text (a secret is `(secret)`, never
 * its value), else its object view, else `capsule("<type>")`.
 */
import { format } from '../printer/format.js';
import type { Value } from './value.js';
import { valueSyntax } from './value-syntax.js';

export function printValue(value: Value): string {
  return format(valueSyntax(value));
}
