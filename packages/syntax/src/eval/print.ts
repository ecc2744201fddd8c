/**
 * A value in Alloy syntax (upstream's token builder), as `ingot eval` prints it and as
 * diagnostics show an offending value. Secrets print as `(secret)`.
 */
import type { Value } from './value.js';

export function printValue(value: Value): string {
  // In progress: the full printer.
  return value.type;
}
