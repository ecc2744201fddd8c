/**
 * The standard library's identifiers (upstream `stdlib.Identifiers`): namespaces such as
 * `string` and `encoding`, `coalesce`, `json_path`, `constants` and the deprecated flat
 * aliases. Looked up after the scope's own variables.
 */
import type { Value } from '../eval/value.js';

// Filled in by the standard library (in progress): name -> value.
const IDENTIFIERS = new Map<string, Value>();

export function stdlibIdentifier(name: string): Value | undefined {
  return IDENTIFIERS.get(name);
}
