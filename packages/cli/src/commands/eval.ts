/**
 * `ingot eval EXPR`: evaluates one expression with the standard library in scope and prints
 * its value, in Alloy syntax (the default) or in alloyjson. Upstream has no such command;
 * the output forms are upstream's value printer and `alloyjson.MarshalValue`.
 *
 * A parse error, an evaluation error or an experimental function used below the allowed
 * stability level is reported as a positioned diagnostic, the expression shown as the
 * source, and the exit code is 1.
 */
import {
  createStdlib,
  evaluate,
  marshalValue,
  parseExpression,
  printValue,
  renderDiagnostics,
  shouldUseColor,
  UnsupportedValueError,
  type Diagnostic,
  type Scope,
  type Value,
} from '@ingot/syntax';
import type { Io } from '../io.js';
import { gateExperimentalFunctions, type StabilityLevel } from '../stability.js';

export const OUTPUT_FORMATS = ['alloy', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface EvalOptions {
  /** The expression, as given on the command line. */
  readonly expression: string;
  /** `alloy` (default): Alloy syntax, as the formatter prints it; `json`: alloyjson. */
  readonly format?: OutputFormat;
  /** The least stable features allowed; `generally-available` by default. */
  readonly stabilityLevel?: StabilityLevel;
  /** False when `--no-color` was given. */
  readonly color?: boolean;
  /** Variables in scope besides the standard library, which they shadow; none by default. */
  readonly scope?: Scope;
}

/** The name diagnostics give the expression, as `<stdin>` names standard input. */
export const EXPRESSION_NAME = '<expr>';

export function evalCommand(options: EvalOptions, io: Io): number {
  const source = options.expression;
  const fail = (diagnostics: readonly Diagnostic[]): number => {
    const color = shouldUseColor({ isTTY: io.stderr.isTTY, env: io.env, noColorFlag: options.color === false });
    io.stderr.write(renderDiagnostics(diagnostics, new Map([[EXPRESSION_NAME, source]]), { color }));
    return 1;
  };

  const { expression, diagnostics } = parseExpression(source, { filename: EXPRESSION_NAME });
  if (diagnostics.length > 0) return fail(diagnostics);

  // As upstream's loader, before anything is evaluated.
  const gated = gateExperimentalFunctions(expression, options.stabilityLevel ?? 'generally-available', EXPRESSION_NAME);
  if (gated.length > 0) return fail(gated);

  const result = evaluate(expression, commandScope(io, options.scope), { filename: EXPRESSION_NAME });
  if (!result.ok) return fail([result.diagnostic]);

  let output: string;
  try {
    output = render(result.value, options.format ?? 'alloy');
  } catch (error) {
    // NaN and infinities have no JSON form; Go's encoder fails the same way.
    if (!(error instanceof UnsupportedValueError)) throw error;
    io.stderr.write(`Error: ${error.message}\n`);
    return 1;
  }
  io.stdout.write(`${output}\n`);
  return 0;
}

/** The standard library with `sys.env` reading the command's environment, under `variables`. */
function commandScope(io: Io, variables: Scope | undefined): Scope {
  const stdlib = createStdlib({ environment: io.env });
  return { lookup: (name) => variables?.lookup(name) ?? stdlib.get(name) };
}

function render(value: Value, format: OutputFormat): string {
  return format === 'json' ? marshalValue(value) : printValue(value);
}
