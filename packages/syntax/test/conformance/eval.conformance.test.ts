/**
 * Upstream evaluation cases (`syntax/vm` tests), as data: each expression is parsed and
 * evaluated, and its value compared with the expected alloyjson value, or its first
 * diagnostic (`line:col: message`) matched against the expected pattern.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diag/diagnostic.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { scopeOf } from '../../src/eval/scope.js';
import { parseExpression } from '../../src/parser/parse.js';
import { fromAlloyJson, toAlloyJson, type AlloyJson } from '../support/alloy-json.js';
import { loadExpressionCases, type ExpressionCase } from './expression-cases.js';

const cases = loadExpressionCases('eval.json');

/** What the case observes: the value, or the first error as Go's `err.Error()` prints it. */
function run(c: ExpressionCase): { value: AlloyJson } | { error: string } {
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
