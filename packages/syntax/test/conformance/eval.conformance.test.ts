/**
 * Upstream evaluation cases (`syntax/vm` tests), as data: each expression is parsed and
 * evaluated, and its value compared with the expected alloyjson value, or its first
 * diagnostic (`line:col: message`) matched against the expected pattern.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diag/diagnostic.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { scopeOf } from '../../src/eval/scope.js';
import { array, bool, float, int, NULL, object, string, type Value } from '../../src/eval/value.js';
import { parseExpression } from '../../src/parser/parse.js';
import { conformanceDir } from './conformance-dir.js';

/** An alloyjson value: `{"type": ..., "value": ...}`. */
type AlloyJson =
  | { readonly type: 'null'; readonly value: null }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'array'; readonly value: readonly AlloyJson[] }
  | { readonly type: 'object'; readonly value: readonly { readonly key: string; readonly value: AlloyJson }[] }
  | { readonly type: 'function' | 'capsule'; readonly value: string };

interface EvalCase {
  readonly name: string;
  readonly expr: string;
  readonly expect?: AlloyJson;
  /** An RE2 pattern; the ones in the data are also valid JavaScript patterns. */
  readonly error?: string;
  readonly scope?: Readonly<Record<string, AlloyJson>>;
}

const cases = JSON.parse(readFileSync(`${conformanceDir('syntax')}/eval.json`, 'utf8')) as EvalCase[];

/** A scope variable from its alloyjson form; a whole number becomes an int, as Go's would be. */
function fromAlloyJson(json: AlloyJson): Value {
  switch (json.type) {
    case 'null': return NULL;
    case 'number': return Number.isInteger(json.value) ? int(BigInt(json.value)) : float(json.value);
    case 'string': return string(json.value);
    case 'bool': return bool(json.value);
    case 'array': return array(json.value.map(fromAlloyJson));
    case 'object': return object(new Map(json.value.map((f) => [f.key, fromAlloyJson(f.value)])), true);
    case 'function':
    case 'capsule':
      throw new Error(`a ${json.type} cannot be written as a scope value`);
  }
}

/** The value in alloyjson form (numbers as float64, unordered keys sorted by bytes). */
function toAlloyJson(value: Value): AlloyJson {
  switch (value.type) {
    case 'null': return { type: 'null', value: null };
    case 'number': return { type: 'number', value: Number(value.value) };
    case 'string': return { type: 'string', value: value.value };
    case 'bool': return { type: 'bool', value: value.value };
    case 'array': return { type: 'array', value: value.elements.map(toAlloyJson) };
    case 'object': {
      const keys = [...value.fields.keys()];
      if (!value.ordered) keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      return { type: 'object', value: keys.map((key) => ({ key, value: toAlloyJson(value.fields.get(key)!) })) };
    }
    case 'function': return { type: 'function', value: 'function' };
    case 'capsule': return { type: 'capsule', value: value.capsule.tokenize?.() ?? value.capsule.typeName };
  }
}

/** What the case observes: the value, or the first error as Go's `err.Error()` prints it. */
function run(c: EvalCase): { value: AlloyJson } | { error: string } {
  const parsed = parseExpression(c.expr);
  const [parseError] = parsed.diagnostics;
  if (parseError !== undefined) return { error: formatDiagnostic(parseError) };
  const scope = c.scope && scopeOf(new Map(Object.entries(c.scope).map(([k, v]) => [k, fromAlloyJson(v)])));
  const result = evaluate(parsed.expression, scope);
  return result.ok ? { value: toAlloyJson(result.value) } : { error: formatDiagnostic(result.diagnostic) };
}

describe('upstream evaluation cases', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const outcome = run(c);
    if (c.error !== undefined) {
      expect(outcome).toHaveProperty('error');
      expect((outcome as { error: string }).error).toMatch(new RegExp(c.error));
    } else {
      expect(outcome).toEqual({ value: c.expect });
    }
  });
});
