/**
 * The variables an expression can name. Upstream has one flat map per evaluation; the
 * runtime fills it with component exports and module arguments. The standard library is
 * consulted after the scope, so a variable named `string` hides the `string` namespace.
 */
import { stdlibIdentifier } from '../stdlib/identifiers.js';
import type { Value } from './value.js';

export interface Scope {
  /** The variable's value, or `undefined` when the scope does not define it. */
  lookup(name: string): Value | undefined;
  /**
   * Optional: the value at the end of as much of `names` (a variable and the fields after
   * it, `a.b.c`) as the scope can follow itself, and how many names that took (at least one).
   * `undefined` when the scope does not define `names[0]`. A scope whose variables are large
   * nested objects (the runtime's tree of component exports) answers `local.file.a.content`
   * without building the objects along the way; the evaluator goes on from there with the
   * remaining names, so results and errors are those of plain field access.
   */
  lookupPath?(names: readonly string[]): { readonly value: Value; readonly consumed: number } | undefined;
}

/** A scope over a fixed set of variables. */
export function scopeOf(variables: ReadonlyMap<string, Value> | Readonly<Record<string, Value>>): Scope {
  // A record becomes a Map so that names such as `constructor` are never read from a prototype.
  const map = variables instanceof Map ? variables : new Map(Object.entries(variables));
  return { lookup: (name) => map.get(name) };
}

/** What an identifier refers to: the scope's variable, else the standard library's. */
export function resolveIdentifier(scope: Scope | undefined, name: string): Value | undefined {
  return scope?.lookup(name) ?? stdlibIdentifier(name);
}
