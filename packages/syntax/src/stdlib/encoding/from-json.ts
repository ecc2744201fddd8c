/**
 * `encoding.from_json(text)`: Go `json.Unmarshal` into `any`. Every number is a float64,
 * even `15`; a number beyond float64 fails as
 * `json: cannot unmarshal number 1e400 into Go value of type float64`.
 */
import { float, typedFunction, type FunctionValue } from '../../eval/value.js';
import { textOf } from '../string-function.js';
import { decodeGoJson } from './go-json-decode.js';

export const fromJson: FunctionValue = typedFunction(['string'], ([text]) =>
  decodeGoJson(
    textOf(text),
    (literal) => {
      const value = Number(literal);
      return Number.isFinite(value) ? float(value) : undefined;
    },
    (literal) => `json: cannot unmarshal number ${literal} into Go value of type float64`,
  ),
);
