/**
 * Failures of evaluation and decoding, as upstream's value errors.
 *
 * Each error carries the *value* it is about. When an evaluation fails, `diagnose.ts`
 * walks the chain of errors to the innermost message and finds the expression that
 * produced the value, so the user reads `"a" should be number, got string` at the `"a"`.
 * They are thrown inside the evaluator and turned into diagnostics at its boundary.
 */
import type { Diagnostic } from '../diag/diagnostic.js';
import type { Value, ValueType } from './value.js';

export abstract class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A message about a value: rendered `<expr> <message>`. */
export class ValueError extends EvalError {
  constructor(readonly value: Value, readonly inner: string) {
    super(inner);
  }
}

/** A value of the wrong type: rendered `<expr> should be <expected>, got <actual>`. */
export class ValueTypeError extends EvalError {
  constructor(readonly value: Value, readonly expected: ValueType | string) {
    super(`expected ${expected}, got ${value.type}`);
  }
}

/** An object key the target has no field for: rendered `does not have field named "k"`. */
export class MissingKeyError extends EvalError {
  constructor(readonly value: Value, readonly missing: string) {
    super(`key ${JSON.stringify(missing)} does not exist`);
  }
}

/** A failure inside an array element: adds `[index]` to the path. */
export class ElementError extends EvalError {
  constructor(readonly value: Value, readonly index: number, readonly inner: EvalError) {
    super(inner.message);
  }
}

/** A failure inside an object field: adds `.field` to the path. */
export class FieldError extends EvalError {
  constructor(readonly value: Value, readonly field: string, readonly inner: EvalError) {
    super(inner.message);
  }
}

/** A failure converting a function argument: points at the argument. */
export class ArgError extends EvalError {
  constructor(
    readonly fn: Value,
    readonly argument: Value,
    readonly index: number,
    readonly inner: EvalError,
  ) {
    super(inner.message);
  }
}

/** A failure that already knows its position (`identifier "x" does not exist`). */
export class DiagnosticError extends EvalError {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** A failure without a position (`missing required attribute "x"`). */
export class PlainError extends EvalError {}
