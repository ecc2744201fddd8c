/**
 * The references an expression makes: each identifier with the `.name` accesses that
 * directly follow it, such as `pyroscope.write.prod.receiver`. The runtime resolves these
 * against component names to build the graph's edges. An index or a call ends a chain
 * (`a.b[0].c` uses `a.b`), because what follows is no longer a name.
 */
import type { Expression, Identifier, Span } from '../ast/nodes.js';

export interface Traversal extends Span {
  /** The identifier and the names accessed after it, in order. */
  readonly names: readonly string[];
}

/** Every traversal in `expr`, in source order, repeats included. */
export function references(expr: Expression): Traversal[] {
  const found: Traversal[] = [];
  // An explicit stack: binary operator chains can be a thousand levels deep.
  const pending: Expression[] = [expr];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.kind === 'Identifier' || next.kind === 'Access') {
      const traversal = traversalAt(next);
      if (traversal !== undefined) {
        found.push(traversal);
        continue;
      }
    }
    // Pushed in reverse so that they come off the stack in source order.
    pending.push(...children(next).reverse());
  }
  return found;
}

/** The traversal an identifier or access chain spells, or undefined if it starts elsewhere. */
function traversalAt(expr: Identifier | Expression): Traversal | undefined {
  const names: string[] = [];
  let root = expr;
  while (root.kind === 'Access') {
    names.push(root.name.name);
    root = root.value;
  }
  if (root.kind !== 'Identifier') return undefined;
  names.push(root.name);
  return { names: names.reverse(), start: root.start, end: expr.end };
}

function children(expr: Expression): Expression[] {
  switch (expr.kind) {
    case 'Identifier':
    case 'Literal':
      return [];
    case 'Array': return [...expr.elements];
    case 'Object': return expr.fields.map((field) => field.value);
    // Reached only when the chain does not start at an identifier: `f(x).a`, `[a][0].b`.
    case 'Access': return [expr.value];
    case 'Index': return [expr.value, expr.index];
    case 'Call': return [expr.callee, ...expr.args];
    case 'Unary': return [expr.operand];
    case 'Binary': return [expr.left, expr.right];
    case 'Paren': return [expr.inner];
  }
}
