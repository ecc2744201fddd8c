/**
 * Turns a value error into a diagnostic (upstream `vm.makeDiagnostic`).
 *
 * A value error knows the offending *value*, not where it came from; the evaluator records
 * which expression produced each value. Walking the error chain inward, every link names a
 * value: the innermost one with a known expression becomes the subject of the message, and
 * the fields and indexes walked through since then become a path after it, so the user reads
 * `key_value.object.field1[2] should be number, got string`. When the subject is written
 * in the source (a literal), the path is dropped: the underlined text already shows it.
 */
import type { Expression } from '../ast/nodes.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { quote } from '../lexer/quote.js';
import { format } from '../printer/format.js';
import { NO_POSITION } from '../source/position.js';
import {
  ArgError,
  DiagnosticError,
  ElementError,
  EvalError,
  FieldError,
  MissingKeyError,
  ValueError,
  ValueTypeError,
} from './errors.js';
import { printValue } from './print.js';
import type { Value } from './value.js';

/** Which expression produced each value of an evaluation (by the value's identity). */
export interface ValueOrigins {
  get(value: Value): Expression | undefined;
}

export function makeDiagnostic(error: EvalError, origins: ValueOrigins, filename = ''): Diagnostic {
  if (error instanceof DiagnosticError) return error.diagnostic;

  let node: Expression | undefined;
  let path = '';
  let message = error.message;
  let cause: Value | undefined;
  // Whether the subject was found at the last link: its text then shows the value.
  let literal = false;

  for (let link: EvalError | undefined = error; link !== undefined; ) {
    let value: Value;
    let next: EvalError | undefined;
    if (link instanceof ValueError) {
      message = link.inner;
      value = link.value;
    } else if (link instanceof ValueTypeError) {
      message = `should be ${link.expected}, got ${link.value.type}`;
      value = link.value;
    } else if (link instanceof MissingKeyError) {
      message = `does not have field named ${quote(link.missing)}`;
      value = link.value;
    } else if (link instanceof ElementError) {
      path += `[${link.index}]`;
      value = link.value;
      next = link.inner;
    } else if (link instanceof FieldError) {
      path += `.${link.field}`;
      value = link.value;
      next = link.inner;
    } else if (link instanceof ArgError) {
      message = link.inner.message;
      value = link.argument;
      next = link.inner;
    } else {
      // A plain error ends the walk; on its own it has nothing to point at.
      break;
    }

    cause = value;
    const origin = origins.get(value);
    if (origin !== undefined) {
      if (literal) path = '';
      node = origin;
      literal = true;
    } else {
      literal = false;
    }
    link = next;
  }

  const subject = node === undefined ? '' : format(node);
  // Without a subject the message keeps its leading space, as upstream's does.
  return {
    severity: 'error',
    message: cause === undefined ? message : `${subject}${path} ${message}`,
    file: filename,
    start: node?.start ?? NO_POSITION,
    ...(node !== undefined && { end: node.end }),
    // The offending value, unless it is null or its own text is what the message shows.
    ...(cause !== undefined && cause.type !== 'null' && !literal && { value: printValue(cause) }),
  };
}
