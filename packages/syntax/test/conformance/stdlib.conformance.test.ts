/**
 * Upstream standard-library cases (`syntax/vm/vm_stdlib_test.go` and the stdlib docs), as
 * data: each expression is evaluated with only the standard library in scope, and its
 * value compared with the expected alloyjson value, or its first diagnostic
 * (`line:col: message`) matched against the expected pattern.
 *
 * A case's `env` is the whole environment `sys.env` sees, so every other variable reads as
 * unset. Experimental functions need no gate here: gating belongs to the runtime.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diag/diagnostic.js';
import { evaluate } from '../../src/eval/evaluate.js';
import type { Scope } from '../../src/eval/scope.js';
import { parseExpression } from '../../src/parser/parse.js';
import { compareByteOrder } from '../../src/source/byte-order.js';
import { createStdlib } from '../../src/stdlib/identifiers.js';
import { toAlloyJson, type AlloyJson } from '../support/alloy-json.js';
import { loadExpressionCases, type ExpressionCase } from './expression-cases.js';

const cases = loadExpressionCases('stdlib.json');

/** A scope that is the standard library over exactly the case's environment. */
function stdlibScope(environment: Readonly<Record<string, string>>): Scope {
  const identifiers = createStdlib({ environment });
  return { lookup: (name) => identifiers.get(name) };
}

function run(c: ExpressionCase): { value: AlloyJson } | { error: string } {
  const parsed = parseExpression(c.expr);
  const [parseError] = parsed.diagnostics;
  if (parseError !== undefined) return { error: formatDiagnostic(parseError) };
  const result = evaluate(parsed.expression, stdlibScope(c.env ?? {}));
  return result.ok ? { value: toAlloyJson(result.value) } : { error: formatDiagnostic(result.diagnostic) };
}

/** An array's elements in a canonical order, for results whose order upstream leaves open. */
function asMultiset(json: AlloyJson): AlloyJson {
  if (json.type !== 'array') return json;
  return { type: 'array', value: [...json.value].sort((a, b) => compareByteOrder(JSON.stringify(a), JSON.stringify(b))) };
}

describe('upstream standard library cases', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const outcome = run(c);
    if (c.error !== undefined) {
      expect(outcome).toHaveProperty('error');
      expect((outcome as { error: string }).error).toMatch(new RegExp(c.error));
    } else if (c.unordered) {
      expect(outcome).toHaveProperty('value');
      expect(asMultiset((outcome as { value: AlloyJson }).value)).toEqual(asMultiset(c.expect!));
    } else {
      expect(outcome).toEqual({ value: c.expect });
    }
  });
});
