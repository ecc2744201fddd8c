/**
 * Arranges a flat `operand (operator operand)*` sequence into a tree by precedence, without
 * recursion (shunting-yard), as upstream's grammar does:
 *
 *   1 `||`   2 `&&`   3 `==` `!=` `<` `<=` `>` `>=`   4 `+` `-`   5 `*` `/` `%`   6 `^`
 *
 * Every level is left-associative except `^`, which is right-associative. Comparisons chain
 * (`a == b != c` is `(a == b) != c`). Unary operators bind tighter than all of them, so
 * `-2 ^ 2` is `(-2) ^ 2`: they are already part of the operands.
 */
import type { BinaryExpr, BinaryOperator, Expression } from '../ast/nodes.js';
import type { Position } from '../source/position.js';

export interface OperatorToken {
  readonly operator: BinaryOperator;
  readonly position: Position;
}

const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3,
  '+': 4, '-': 4,
  '*': 5, '/': 5, '%': 5,
  '^': 6,
};

export function buildBinaryTree(operands: readonly Expression[], operators: readonly OperatorToken[]): Expression {
  if (operators.length === 0) return operands[0]!;
  const output: Expression[] = [operands[0]!];
  const pending: OperatorToken[] = [];
  const reduce = (): void => {
    const op = pending.pop()!;
    const right = output.pop()!;
    const left = output.pop()!;
    output.push(binary(left, op, right));
  };
  operators.forEach((op, k) => {
    const prec = PRECEDENCE[op.operator];
    for (let top = pending.at(-1); top !== undefined; top = pending.at(-1)) {
      const topPrec = PRECEDENCE[top.operator];
      if (topPrec > prec || (topPrec === prec && op.operator !== '^')) reduce();
      else break;
    }
    pending.push(op);
    output.push(operands[k + 1]!);
  });
  while (pending.length > 0) reduce();
  return output[0]!;
}

function binary(left: Expression, op: OperatorToken, right: Expression): BinaryExpr {
  return {
    kind: 'Binary', operator: op.operator, operatorPos: op.position, left, right,
    start: left.start, end: right.end,
  };
}
