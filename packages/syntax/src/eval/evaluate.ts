/**
 * The evaluator (upstream `vm.Evaluate`): an expression and a scope in, a value or one
 * positioned diagnostic out.
 *
 * Inside, failures are thrown as the value errors of `errors.ts`, each naming the value it
 * is about. Every expression records the value it produced, so at the boundary
 * `makeDiagnostic` can point at the expression behind the offending value. When an outer
 * expression returns the same value object (a paren, an access, an identifier), it takes
 * over the record: messages show the outermost expression, such as `a.b` rather than `b`.
 */
import type {
  AccessExpr,
  BinaryExpr,
  CallExpr,
  Expression,
  Identifier,
  IndexExpr,
  Literal,
  ObjectExpr,
} from '../ast/nodes.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { quote } from '../lexer/quote.js';
import { callFunction } from './call.js';
import { makeDiagnostic, type ValueOrigins } from './diagnose.js';
import { DiagnosticError, EvalError, ValueError, ValueTypeError } from './errors.js';
import { floatFromLiteral, numberFromLiteral, toInt } from './number.js';
import { applyBinary, applyUnary } from './operators.js';
import { resolveIdentifier, type Scope } from './scope.js';
import { decodeStringLiteral } from './string-literal.js';
import { array, bool, NULL, object, string, type ObjectValue, type Value } from './value.js';

export interface EvaluateOptions {
  /** The file name diagnostics carry; `''` by default. */
  readonly filename?: string;
}

export type EvalResult = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly diagnostic: Diagnostic };

/**
 * An evaluation that keeps its value origins, for a caller that goes on to check the value
 * (decoding it into typed arguments) and must report those failures at the right
 * expression too: pass them to `makeDiagnostic` with `origins`.
 */
export type TracedEvalResult =
  | { readonly ok: true; readonly value: Value; readonly origins: ValueOrigins }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export function evaluate(expr: Expression, scope?: Scope, options: EvaluateOptions = {}): EvalResult {
  const result = evaluateTraced(expr, scope, options);
  return result.ok ? { ok: true, value: result.value } : result;
}

export function evaluateTraced(expr: Expression, scope?: Scope, options: EvaluateOptions = {}): TracedEvalResult {
  const filename = options.filename ?? '';
  const evaluator = new Evaluator(scope, filename);
  try {
    return { ok: true, value: evaluator.evaluate(expr), origins: evaluator.origins };
  } catch (error) {
    if (!(error instanceof EvalError)) throw error;
    return { ok: false, diagnostic: makeDiagnostic(error, evaluator.origins, filename) };
  }
}

/** A binary tree is walked with an explicit stack: a left-deep chain can be 1000 levels. */
type BinaryStep = { readonly evaluate: Expression } | { readonly apply: BinaryExpr };

class Evaluator {
  readonly origins = new WeakMap<Value, Expression>();

  constructor(
    private readonly scope: Scope | undefined,
    private readonly filename: string,
  ) {}

  evaluate(expr: Expression): Value {
    const value = this.produce(expr);
    if (value.type !== 'null') this.origins.set(value, expr);
    return value;
  }

  private produce(expr: Expression): Value {
    switch (expr.kind) {
      case 'Literal': return literalValue(expr);
      case 'Identifier': return this.identifier(expr);
      case 'Array': return array(expr.elements.map((element) => this.evaluate(element)));
      case 'Object': return this.objectLiteral(expr);
      case 'Access': return this.access(expr);
      case 'Index': return this.index(expr);
      case 'Call': return this.call(expr);
      case 'Unary': return applyUnary(expr.operator, this.evaluate(expr.operand));
      case 'Binary': return this.binaryTree(expr);
      case 'Paren': return this.evaluate(expr.inner);
    }
  }

  private identifier(expr: Identifier): Value {
    const value = resolveIdentifier(this.scope, expr.name);
    if (value === undefined) throw this.positioned(`identifier ${quote(expr.name)} does not exist`, expr);
    return value;
  }

  private objectLiteral(expr: ObjectExpr): ObjectValue {
    const fields = new Map<string, Value>();
    // A repeated key overwrites; literal objects have no key order anyway.
    for (const field of expr.fields) fields.set(field.name.name, this.evaluate(field.value));
    return object(fields);
  }

  private access(expr: AccessExpr): Value {
    const path = this.scope?.lookupPath === undefined ? undefined : this.scopePath(expr);
    if (path !== undefined) return path;
    return this.field(this.evaluate(expr.value), expr);
  }

  /**
   * `a.b.c` resolved by the scope as far as it can follow it (see `Scope.lookupPath`), then
   * field by field; `undefined` when the chain does not start at a scope variable.
   */
  private scopePath(expr: AccessExpr): Value | undefined {
    const chain: AccessExpr[] = [];
    let root: Expression = expr;
    while (root.kind === 'Access') {
      chain.push(root);
      root = root.value;
    }
    if (root.kind !== 'Identifier') return undefined;
    chain.reverse();
    const names = [root.name, ...chain.map((access) => access.name.name)];
    const found = this.scope!.lookupPath!(names);
    if (found === undefined) return undefined;
    // Each step's value remembers its expression, as `evaluate` would have recorded it.
    const remember = (value: Value, at: Expression): Value => {
      if (value.type !== 'null') this.origins.set(value, at);
      return value;
    };
    let value = remember(found.value, found.consumed === 1 ? root : chain[found.consumed - 2]!);
    for (const access of chain.slice(found.consumed - 1)) value = remember(this.field(value, access), access);
    return value;
  }

  /** `target.<name>` of an access expression. */
  private field(target: Value, expr: AccessExpr): Value {
    const name = expr.name.name;
    const fields = objectView(target);
    if (fields === undefined) {
      if (target.type === 'capsule') throw notIndexableCapsule(target);
      throw new ValueError(target, `cannot access field ${quote(name)} on value of type ${target.type}`);
    }
    const field = fields.fields.get(name);
    if (field === undefined) throw this.positioned(`field ${quote(name)} does not exist`, expr.name);
    return field;
  }

  private index(expr: IndexExpr): Value {
    const target = this.evaluate(expr.value);
    const index = this.evaluate(expr.index);
    if (target.type === 'array') {
      if (index.type !== 'number') throw new ValueTypeError(index, 'number');
      const position = toInt(index);
      const length = target.elements.length;
      if (position < 0n || position >= BigInt(length)) {
        throw new ValueError(index, `index ${position} is out of range of array with length ${length}`);
      }
      return target.elements[Number(position)]!;
    }
    const fields = objectView(target);
    if (fields === undefined) {
      if (target.type === 'capsule') throw notIndexableCapsule(target);
      throw new ValueError(target, `expected object or array, got ${target.type}`);
    }
    if (index.type !== 'string') throw new ValueTypeError(index, 'string');
    // Unlike `.name`, a missing key in brackets is null.
    return fields.fields.get(index.value) ?? NULL;
  }

  private call(expr: CallExpr): Value {
    const callee = this.evaluate(expr.callee);
    if (callee.type !== 'function') throw new ValueTypeError(callee, 'function');
    const args = expr.args.map((arg) => this.evaluate(arg));
    return callFunction(callee, args);
  }

  /**
   * Evaluates a tree of binary operators bottom-up without recursing through it: left
   * operand, right operand, then the operator, as upstream does (no short-circuit).
   * Operands that are not binary expressions recurse normally; brackets bound their depth.
   */
  private binaryTree(root: BinaryExpr): Value {
    const steps: BinaryStep[] = [{ evaluate: root }];
    const operands: Value[] = [];
    for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
      if ('apply' in step) {
        const right = operands.pop()!;
        const left = operands.pop()!;
        const result = applyBinary(step.apply.operator, left, right);
        if (result.type !== 'null') this.origins.set(result, step.apply);
        operands.push(result);
      } else if (step.evaluate.kind === 'Binary') {
        const binary = step.evaluate;
        // Popped in reverse: the left operand first, then the right, then the operator.
        steps.push({ apply: binary }, { evaluate: binary.right }, { evaluate: binary.left });
      } else {
        operands.push(this.evaluate(step.evaluate));
      }
    }
    return operands.pop()!;
  }

  private positioned(message: string, node: Identifier): DiagnosticError {
    return new DiagnosticError({
      severity: 'error',
      message,
      file: this.filename,
      start: node.start,
      end: node.end,
    });
  }
}

function literalValue(expr: Literal): Value {
  switch (expr.type) {
    case 'number': return numberFromLiteral(expr.raw);
    case 'float': return floatFromLiteral(expr.raw);
    case 'string': return string(decodeStringLiteral(expr.raw));
    // A fresh boolean, not the shared constant, so that it can be traced to this literal.
    case 'bool': return bool(expr.raw === 'true');
    case 'null': return NULL;
  }
}

/** The fields `.name` and `["key"]` read: an object's, or those of a capsule that has them. */
function objectView(value: Value): ObjectValue | undefined {
  if (value.type === 'object') return value;
  if (value.type === 'capsule') return value.capsule.asObject?.();
  return undefined;
}

function notIndexableCapsule(value: Value): ValueError {
  return new ValueError(value, 'expected object or array or a capsule convertible to an object, got capsule');
}
