/**
 * Unary and binary operators on evaluated operands (upstream `transform.BinaryOp` and
 * `UnaryOp`). Both operands of a binary operator are already evaluated: `&&` and `||` do
 * not short-circuit. Errors name the operands the caller passed in, so a diagnostic points
 * at the expression the user wrote even when a secret rewrite replaced the value.
 */
import type { BinaryOperator, UnaryOperator } from '../ast/nodes.js';
import { compareByteOrder } from '../source/byte-order.js';
import { valuesEqual } from './equality.js';
import { ValueError, ValueTypeError } from './errors.js';
import { arithmetic, compareNumbers, negate } from './number.js';
import { addSecrets, tryUnwrapCapsules } from './secret.js';
import { bool, string, type Value, type ValueType } from './value.js';

type OrderingOperator = '<' | '<=' | '>' | '>=';

/** The operand types each operator accepts, in the order messages print them. */
const ALLOWED_TYPES: Readonly<Record<Exclude<BinaryOperator, '==' | '!='>, readonly ValueType[]>> = {
  '||': ['bool'],
  '&&': ['bool'],
  '+': ['number', 'string', 'capsule'],
  '-': ['number'],
  '*': ['number'],
  '/': ['number'],
  '%': ['number'],
  '^': ['number'],
  '<': ['number', 'string'],
  '>': ['number', 'string'],
  '<=': ['number', 'string'],
  '>=': ['number', 'string'],
};

export function applyBinary(operator: BinaryOperator, left: Value, right: Value): Value {
  const [lhs, rhs] = left.type === 'capsule' || right.type === 'capsule' ? tryUnwrapCapsules(left, right) : [left, right];
  if (operator === '==') return bool(valuesEqual(lhs, rhs));
  if (operator === '!=') return bool(!valuesEqual(lhs, rhs));

  const allowed = ALLOWED_TYPES[operator];
  // The checks read the rewritten types but blame the original operands.
  if (!allowed.includes(lhs.type)) throw notAllowed(left, lhs, operator, allowed);
  if (!allowed.includes(rhs.type)) throw notAllowed(right, rhs, operator, allowed);
  if (lhs.type !== rhs.type) throw new ValueTypeError(rhs, lhs.type);

  if (lhs.type === 'bool' && rhs.type === 'bool') {
    return bool(operator === '&&' ? lhs.value && rhs.value : lhs.value || rhs.value);
  }
  if (lhs.type === 'string' && rhs.type === 'string') {
    if (operator === '+') return string(lhs.value + rhs.value);
    return bool(ordered(operator as OrderingOperator, compareByteOrder(lhs.value, rhs.value)));
  }
  if (lhs.type === 'capsule' && rhs.type === 'capsule') {
    const sum = addSecrets(lhs, rhs);
    if (sum === undefined) throw new ValueError(left, 'could not perform binop + for unknown types lhs capsule rhs capsule');
    return sum;
  }
  if (lhs.type === 'number' && rhs.type === 'number') {
    switch (operator) {
      case '<': case '<=': case '>': case '>=':
        return bool(ordered(operator, compareNumbers(lhs, rhs)));
      default:
        // Numbers are never rewritten, so the right operand is the caller's own.
        return arithmetic(operator as '+' | '-' | '*' | '/' | '%' | '^', lhs, rhs);
    }
  }
  throw new Error(`unreachable: binop ${operator} on ${lhs.type}`);
}

function notAllowed(blamed: Value, actual: Value, operator: BinaryOperator, allowed: readonly ValueType[]): ValueError {
  return new ValueError(blamed, `should be one of [${allowed.join(' ')}] for binop ${operator}, got ${actual.type}`);
}

/** Whether an ordering (negative, zero, positive, or NaN for unordered) satisfies `op`. */
function ordered(op: OrderingOperator, order: number): boolean {
  switch (op) {
    case '<': return order < 0;
    case '<=': return order <= 0;
    case '>': return order > 0;
    case '>=': return order >= 0;
  }
}

export function applyUnary(operator: UnaryOperator, operand: Value): Value {
  if (operator === '!') {
    if (operand.type !== 'bool') throw new ValueTypeError(operand, 'bool');
    return bool(!operand.value);
  }
  if (operand.type !== 'number') throw new ValueTypeError(operand, 'number');
  return negate(operand);
}
