import { attr, block, decodeBody, formatDiagnostic, NULL, t, type Scope, type Value } from '@ingot/syntax';
import type { SourceBlock } from '../classify.js';
import { failure, type Failed } from './evaluation.js';

const ArgumentBlock = block({
  fields: {
    optional: attr(t.bool, { default: false }),
    default: attr(t.any, { optional: true }),
    comment: attr(t.string, { default: '' }),
  },
});

const ExportBlock = block({ fields: { value: attr(t.any) } });

const PREFIX = 'Failed to evaluate node for config block: ';

/**
 * `argument "x" { optional, default, comment }` in a module (spec §4.2): the value the
 * instance gave, else the default of an optional argument (null without one).
 */
export function evaluateArgument(
  source: SourceBlock,
  scope: Scope,
  provided: ReadonlyMap<string, Value>,
): { readonly ok: true; readonly value: Value } | Failed {
  const decoded = decodeBody(source.block.body, ArgumentBlock, scope, { filename: source.file, enclosing: source.block });
  if (!decoded.ok) return failure(source, PREFIX, formatDiagnostic(decoded.diagnostics[0]!));
  const name = source.block.label;
  const value = provided.get(name);
  if (value !== undefined) return { ok: true, value };
  if (!decoded.value.optional) return failure(source, PREFIX, `missing required argument ${JSON.stringify(name)} to module`);
  return { ok: true, value: decoded.value.default ?? NULL };
}

/** `export "y" { value = … }` in a module (spec §4.3). */
export function evaluateExport(source: SourceBlock, scope: Scope): { readonly ok: true; readonly value: Value } | Failed {
  const decoded = decodeBody(source.block.body, ExportBlock, scope, { filename: source.file, enclosing: source.block });
  if (!decoded.ok) return failure(source, PREFIX, formatDiagnostic(decoded.diagnostics[0]!));
  return { ok: true, value: decoded.value.value };
}
