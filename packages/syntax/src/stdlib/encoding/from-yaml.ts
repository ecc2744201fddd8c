/**
 * `encoding.from_yaml(text)`: upstream decodes with Go's `gopkg.in/yaml.v3` into `any`.
 *
 * The `yaml` package parses (first document only, as yaml.v3 reads no further), with
 * every scalar kept as text; plain scalars are then resolved by yaml.v3's rules rather than
 * the package's: integers in Go's base-0 syntax with `_` ignored (`0x1f`, `0o17`, `0b1`,
 * and the YAML 1.1 octal `017`) become ints (uints past int64), YAML-style decimals and
 * `.inf`/`.nan` floats, `true`/`True`/`TRUE` and the false forms bools, `~`/`null`/empty
 * null, and anything else (timestamps too) a string. A mapping whose keys are not all
 * strings becomes an opaque capsule, as Go's `map[interface{}]interface{}` does.
 *
 * Error texts are the `yaml` package's, prefixed `yaml: line N:` like yaml.v3's; the
 * wording itself differs from upstream.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { PlainError } from '../../eval/errors.js';
import {
  array,
  bool,
  capsule,
  float,
  int,
  INT64_MAX,
  INT64_MIN,
  NULL,
  object,
  string,
  uint,
  UINT64_MAX,
  type Capsule,
  type FunctionValue,
  type Value,
} from '../../eval/value.js';
import { stringFunction } from '../string-function.js';

export const fromYaml: FunctionValue = stringFunction(1, (text) => {
  const lines = new LineCounter();
  const [document] = parseAllDocuments(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: false });
  if (document === undefined) return NULL;
  const [error] = document.errors;
  if (error !== undefined) {
    const line = error.linePos?.[0].line ?? 1;
    throw new PlainError(`yaml: line ${line}: ${error.message.split(/ at line \d+|:\n/)[0]}`);
  }
  return toValue(document.contents, document, lines);
});

function toValue(node: unknown, document: Document, lines: LineCounter): Value {
  if (node === null || node === undefined) return NULL;
  if (isAlias(node)) return toValue(node.resolve(document), document, lines);
  if (isSeq(node)) return array(node.items.map((item) => toValue(item, document, lines)));
  if (isMap(node)) return mapping(node.items, document, lines);
  if (isScalar(node)) {
    const text = String(node.value ?? '');
    if (node.type !== 'PLAIN' || node.tag === 'tag:yaml.org,2002:str') return string(text);
    return resolvePlain(text);
  }
  return NULL;
}

function mapping(
  pairs: readonly { key: unknown; value: unknown }[],
  document: Document,
  lines: LineCounter,
): Value {
  const entries: [Value, Value][] = [];
  const seen = new Map<string, number>();
  for (const pair of pairs) {
    const key = toValue(pair.key, document, lines);
    if (key.type === 'string') {
      const line = lineOf(pair.key, lines);
      const first = seen.get(key.value);
      if (first !== undefined) {
        throw new PlainError(
          `yaml: unmarshal errors:\n  line ${line}: mapping key ${JSON.stringify(key.value)} already defined at line ${first}`,
        );
      }
      seen.set(key.value, line);
    }
    entries.push([key, toValue(pair.value, document, lines)]);
  }
  if (entries.every(([key]) => key.type === 'string')) {
    return object(new Map(entries.map(([key, value]) => [(key as { value: string }).value, value])));
  }
  return capsule(new InterfaceMap(entries));
}

function lineOf(node: unknown, lines: LineCounter): number {
  const range = (node as Node | null)?.range;
  return range ? lines.linePos(range[0]).line : 0;
}

/** Go's `map[interface{}]interface{}`: no Alloy form, so a capsule. */
class InterfaceMap implements Capsule {
  readonly typeName = 'map[interface {}]interface {}';
  constructor(readonly entries: readonly (readonly [Value, Value])[]) {}
  equals(other: Capsule): boolean {
    return other === this;
  }
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const INFINITIES = new Map([
  ['.inf', Infinity], ['.Inf', Infinity], ['.INF', Infinity],
  ['+.inf', Infinity], ['+.Inf', Infinity], ['+.INF', Infinity],
  ['-.inf', -Infinity], ['-.Inf', -Infinity], ['-.INF', -Infinity],
  ['.nan', NaN], ['.NaN', NaN], ['.NAN', NaN],
]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** Go `strconv.ParseInt(s, 0, 64)` syntax, after yaml.v3 removed every `_`. */
const GO_INTEGER = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;

export function resolvePlain(text: string): Value {
  if (NULLS.has(text)) return NULL;
  if (TRUES.has(text)) return bool(true);
  if (FALSES.has(text)) return bool(false);
  const special = INFINITIES.get(text);
  if (special !== undefined) return float(special);
  if (!/^[-+.0-9]/.test(text)) return string(text);
  const plain = text.replaceAll('_', '');
  const integer = parseGoInteger(plain);
  if (integer !== undefined) {
    if (integer >= INT64_MIN && integer <= INT64_MAX) return int(integer);
    if (integer >= 0n && integer <= UINT64_MAX) return uint(integer);
  }
  if (YAML_FLOAT.test(plain)) {
    const value = Number(plain);
    if (Number.isFinite(value)) return float(value);
  }
  return string(text);
}

function parseGoInteger(text: string): bigint | undefined {
  const match = GO_INTEGER.exec(text);
  if (match === null) return undefined;
  const [, sign, digits = ''] = match;
  const magnitude = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits.replace(/^0[oO]/, '0o'));
  return sign === '-' ? -magnitude : magnitude;
}
