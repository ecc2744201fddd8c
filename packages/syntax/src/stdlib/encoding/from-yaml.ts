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
 *
 * Hostile documents are refused as yaml.v3 refuses them: aliases that expand a small
 * document into a huge value ("billion laughs") fail with `document contains excessive
 * aliasing`, and nesting deeper than MAX_VALUE_DEPTH with `exceeded max depth`.
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
  MAX_VALUE_DEPTH,
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
  return new YamlConverter(document, lines).value(document.contents);
});

/** Turns the parsed document into a value, counting what aliases expand to. */
class YamlConverter {
  private depth = 0;
  private decoded = 0;
  private aliased = 0;

  constructor(
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  value(node: unknown, viaAlias = false): Value {
    this.count(viaAlias);
    if (node === null || node === undefined) return NULL;
    if (isAlias(node)) return this.value(node.resolve(this.document), true);
    if (isScalar(node)) {
      const text = String(node.value ?? '');
      if (node.type !== 'PLAIN' || node.tag === 'tag:yaml.org,2002:str') return string(text);
      return resolvePlain(text);
    }
    if (!isSeq(node) && !isMap(node)) return NULL;
    if (++this.depth > MAX_VALUE_DEPTH) throw new PlainError(`yaml: exceeded max depth of ${MAX_VALUE_DEPTH}`);
    try {
      return isSeq(node) ? array(node.items.map((item) => this.value(item, viaAlias))) : this.mapping(node.items, viaAlias);
    } finally {
      this.depth--;
    }
  }

  private mapping(pairs: readonly { key: unknown; value: unknown }[], viaAlias: boolean): Value {
    const entries: [Value, Value][] = [];
    const seen = new Map<string, number>();
    for (const pair of pairs) {
      const key = this.value(pair.key, viaAlias);
      if (key.type === 'string') {
        const line = lineOf(pair.key, this.lines);
        const first = seen.get(key.value);
        if (first !== undefined) {
          throw new PlainError(
            `yaml: unmarshal errors:\n  line ${line}: mapping key ${JSON.stringify(key.value)} already defined at line ${first}`,
          );
        }
        seen.set(key.value, line);
      }
      entries.push([key, this.value(pair.value, viaAlias)]);
    }
    if (entries.every(([key]) => key.type === 'string')) {
      return object(new Map(entries.map(([key, value]) => [(key as { value: string }).value, value])));
    }
    return capsule(new InterfaceMap(entries));
  }

  /** yaml.v3's rule: aliases may make up at most a (shrinking) share of what is decoded. */
  private count(viaAlias: boolean): void {
    this.decoded++;
    if (viaAlias) this.aliased++;
    if (this.aliased > 100 && this.decoded > 1000 && this.aliased / this.decoded > allowedAliasRatio(this.decoded)) {
      throw new PlainError('yaml: document contains excessive aliasing');
    }
  }
}

/** 99% of small documents may come from aliases, falling to 10% of very large ones. */
function allowedAliasRatio(decoded: number): number {
  if (decoded <= 400_000) return 0.99;
  if (decoded >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decoded - 400_000) / 3_600_000);
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
