/**
 * `sys.env(name)`: an environment variable's value, `""` when it is unset or empty (Go
 * `os.Getenv` cannot tell the two apart). Read at every call, never cached, from the
 * environment the standard library was built with (the process's by default).
 */
import { string, type FunctionValue } from '../../eval/value.js';
import { stringFunction } from '../string-function.js';

/** Environment variables by name, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

export function envFunction(environment: Environment): FunctionValue {
  return stringFunction(1, (name) => string(lookup(environment, name)));
}

function lookup(environment: Environment, name: string): string {
  // An own property only: `constructor` or `__proto__` must not come from a prototype.
  return Object.prototype.hasOwnProperty.call(environment, name) ? (environment[name] ?? '') : '';
}
