/**
 * Evaluating one expression with only the standard library in scope, for stdlib tests:
 * `evalText` gives the value in Alloy syntax or the diagnostic as `line:col: message`.
 */
import { formatDiagnostic } from '../../src/diag/diagnostic.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { printValue } from '../../src/eval/print.js';
import type { Scope } from '../../src/eval/scope.js';
import type { Value } from '../../src/eval/value.js';
import { parseExpression } from '../../src/parser/parse.js';
import { createStdlib } from '../../src/stdlib/identifiers.js';
import type { Environment } from '../../src/stdlib/sys/env.js';

export interface StdlibEvalOptions {
  readonly environment?: Environment;
  readonly variables?: Readonly<Record<string, Value>>;
}

export function evalValue(expr: string, options: StdlibEvalOptions = {}): Value {
  const result = run(expr, options);
  if (!result.ok) throw new Error(formatDiagnostic(result.diagnostic));
  return result.value;
}

/** The value printed in Alloy syntax, or `error: line:col: message`. */
export function evalText(expr: string, options: StdlibEvalOptions = {}): string {
  const result = run(expr, options);
  return result.ok ? printValue(result.value) : `error: ${formatDiagnostic(result.diagnostic)}`;
}

function run(expr: string, { environment = {}, variables = {} }: StdlibEvalOptions) {
  const parsed = parseExpression(expr);
  const [parseError] = parsed.diagnostics;
  if (parseError !== undefined) throw new Error(formatDiagnostic(parseError));
  const identifiers = createStdlib({ environment });
  const scope: Scope = { lookup: (name) => variables[name] ?? identifiers.get(name) };
  return evaluate(parsed.expression, scope);
}
