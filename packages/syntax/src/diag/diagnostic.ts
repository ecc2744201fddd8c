import { formatPosition, type Position } from '../source/position.js';

export type Severity = 'error' | 'warning';

/**
 * A problem found in a source file. Every package reports problems with this one type:
 * the parser, the evaluator, the runtime and the language server.
 */
export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  /** The file the positions refer to; `''` when the source has no name. */
  readonly file: string;
  readonly start: Position;
  /** Inclusive: the position of the last byte. Absent means one character at `start`. */
  readonly end?: Position;
  /** An optional rendering of the offending value; never printed by the renderers. */
  readonly value?: string;
}

/** One line, as upstream's `Diagnostic.Error()`: `file:line:col: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${formatPosition(d.start, d.file)}: ${d.message}`;
}

/** As upstream's `Diagnostics.Error()`: the first diagnostic and how many more there are. */
export function summarizeDiagnostics(diags: readonly Diagnostic[]): string {
  const [first] = diags;
  if (first === undefined) return 'no errors';
  const head = formatDiagnostic(first);
  return diags.length === 1 ? head : `${head} (and ${diags.length - 1} more diagnostics)`;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
