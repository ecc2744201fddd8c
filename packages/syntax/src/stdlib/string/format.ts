/**
 * `string.format(format, ...values)`: Go's `fmt.Sprintf`, verbatim (see `go-fmt/`), not
 * the HCL-style function the docs describe. It never fails on a bad verb or a missing
 * argument; it writes `%!d(string=hi)` or `%!s(MISSING)` into the result. Secrets print
 * `(secret)`, never their text.
 */
import { string, typedFunction, type FunctionValue } from '../../eval/value.js';
import { toOperand } from '../go-fmt/operand.js';
import { sprintf } from '../go-fmt/sprintf.js';
import { textOf } from '../string-function.js';

export const format: FunctionValue = typedFunction(
  ['string', 'any'],
  ([spec, ...values]) => string(sprintf(textOf(spec), values.map(toOperand))),
  true,
);
