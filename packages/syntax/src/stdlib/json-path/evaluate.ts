/**
 * Applying a parsed JSONPath to decoded JSON: every match, in document order (object
 * members in the order they were read; ojg's Go maps give no order at all).
 */
import { valuesEqual } from '../../eval/equality.js';
import { toFloat } from '../../eval/number.js';
import type { Value } from '../../eval/value.js';
import { Pattern, type Condition, type Fragment } from './parse.js';

export function selectJsonPath(root: Value, fragments: readonly Fragment[]): Value[] {
  let nodes: Value[] = [root];
  for (const fragment of fragments) nodes = nodes.flatMap((node) => applyFragment(fragment, node, root));
  return nodes;
}

function applyFragment(fragment: Fragment, node: Value, root: Value): Value[] {
  switch (fragment.kind) {
    case 'child':
      return node.type === 'object' ? fragment.keys.flatMap((key) => present(node.fields.get(key))) : [];
    case 'wildcard':
      return children(node);
    case 'descent':
      return descendantsAndSelf(node);
    case 'index':
      if (node.type !== 'array') return [];
      return fragment.indexes.flatMap((i) => present(node.elements[i < 0 ? node.elements.length + i : i]));
    case 'slice':
      return node.type === 'array' ? slice(node.elements, fragment) : [];
    case 'filter':
      return children(node).filter((child) => truthy(evaluateCondition(fragment.condition, child, root)));
  }
}

function present(value: Value | undefined): Value[] {
  return value === undefined ? [] : [value];
}

function children(node: Value): Value[] {
  if (node.type === 'array') return [...node.elements];
  if (node.type === 'object') return [...node.fields.values()];
  return [];
}

function descendantsAndSelf(node: Value): Value[] {
  const out: Value[] = [];
  const stack: Value[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    out.push(next);
    stack.push(...children(next).reverse());
  }
  return out;
}

function slice(elements: readonly Value[], { start, end, step }: Fragment & { kind: 'slice' }): Value[] {
  const length = elements.length;
  const clamp = (i: number): number => Math.min(Math.max(i < 0 ? length + i : i, 0), length);
  const out: Value[] = [];
  if (step > 0) {
    for (let i = clamp(start ?? 0); i < clamp(end ?? length); i += step) out.push(elements[i]!);
  } else if (step < 0) {
    const from = start === undefined ? length - 1 : Math.min(clamp(start), length - 1);
    const to = end === undefined ? -1 : clamp(end);
    for (let i = from; i > to; i += step) out.push(elements[i]!);
  }
  return out;
}

type Operand = Value | Pattern | undefined;

function evaluateCondition(condition: Condition, current: Value, root: Value): Operand {
  switch (condition.kind) {
    case 'path':
      return selectJsonPath(condition.root === '@' ? current : root, condition.fragments)[0];
    case 'literal':
      return literal(condition.value);
    case 'regex':
      return condition.regex;
    case 'not':
      return bool(!truthy(evaluateCondition(condition.operand, current, root)));
    case 'binary': {
      const left = evaluateCondition(condition.left, current, root);
      if (condition.op === '&&') return bool(truthy(left) && truthy(evaluateCondition(condition.right, current, root)));
      if (condition.op === '||') return bool(truthy(left) || truthy(evaluateCondition(condition.right, current, root)));
      return bool(compare(condition.op, left, evaluateCondition(condition.right, current, root)));
    }
  }
}

function compare(op: string, left: Operand, right: Operand): boolean {
  if (op === '=~') {
    return left !== undefined && !(left instanceof Pattern) && left.type === 'string' && right instanceof Pattern && right.test(left.value);
  }
  if (left instanceof Pattern || right instanceof Pattern) return false;
  if (op === '==') return left !== undefined && right !== undefined && valuesEqual(left, right);
  if (op === '!=') return !(left !== undefined && right !== undefined && valuesEqual(left, right));
  if (left === undefined || right === undefined) return false;
  let order: number;
  if (left.type === 'number' && right.type === 'number') order = toFloat(left) - toFloat(right);
  else if (left.type === 'string' && right.type === 'string') order = left.value < right.value ? -1 : left.value > right.value ? 1 : 0;
  else return false;
  switch (op) {
    case '<': return order < 0;
    case '<=': return order <= 0;
    case '>': return order > 0;
    default: return order >= 0;
  }
}

function truthy(operand: Operand): boolean {
  return operand !== undefined && !(operand instanceof Pattern) && !(operand.type === 'bool' && !operand.value) && operand.type !== 'null';
}

function bool(value: boolean): Value {
  return { type: 'bool', value };
}

function literal(value: unknown): Value {
  if (value === null) return { type: 'null' };
  if (typeof value === 'boolean') return bool(value);
  if (typeof value === 'number') return { type: 'number', kind: 'float', value };
  return { type: 'string', value: String(value) };
}
