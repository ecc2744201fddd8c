/**
 * `json_path(json, path)`: every match of a JSONPath in a JSON document, as an array
 * (empty when nothing matches). The path is checked before the JSON is read.
 *
 * The JSON is read as ojg reads it, not as `encoding.from_json` does: integers are ints,
 * numbers with a fraction or exponent floats, and an integer too large for int64 a
 * *string* of its digits.
 */
import { array, float, int, INT64_MAX, INT64_MIN, string, typedFunction, type FunctionValue, type Value } from '../eval/value.js';
import { decodeGoJson } from './encoding/go-json-decode.js';
import { selectJsonPath } from './json-path/evaluate.js';
import { parseJsonPath } from './json-path/parse.js';
import { textOf } from './string-function.js';

export const jsonPath: FunctionValue = typedFunction(['string', 'string'], ([json, path]) => {
  const fragments = parseJsonPath(textOf(path));
  const document = decodeGoJson(textOf(json), readOjgNumber, (literal) => `invalid number ${literal}`);
  return array(selectJsonPath(document, fragments));
});

function readOjgNumber(literal: string): Value | undefined {
  if (/^-?[0-9]+$/.test(literal)) {
    const value = BigInt(literal);
    return value >= INT64_MIN && value <= INT64_MAX ? int(value) : string(literal);
  }
  const value = Number(literal);
  return Number.isFinite(value) ? float(value) : undefined;
}
