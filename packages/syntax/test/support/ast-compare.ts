/**
 * Helpers for the property tests: comparing syntax trees without their positions, and
 * collecting what a formatter run must keep (comments, string literals).
 */
import type { Expression, File, Literal, Statement } from '../../src/ast/nodes.js';

/** The AST's position-valued properties (see src/ast/nodes.ts). */
const POSITION_KEYS = new Set(['start', 'end', 'lCurly', 'lBrack', 'lParen', 'labelPos', 'operatorPos']);

/**
 * A deep copy of `node` without any `Position` (start, end, lCurly, labelPos, lBrack,
 * lParen, operatorPos, …) and without properties whose value is `undefined`.
 */
export function stripPositions<T>(node: T): unknown {
  if (Array.isArray(node)) return node.map((item) => stripPositions(item));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined || POSITION_KEYS.has(key)) continue;
    out[key] = stripPositions(value);
  }
  return out;
}

/** Every comment's text, in source order. */
export function commentTexts(file: File): string[] {
  return file.comments.flatMap((group) => group.map((comment) => comment.text));
}

/** Every string literal's raw text and every quoted object key, in source order. */
export function stringTexts(body: readonly Statement[]): string[] {
  const out: string[] = [];
  const expr = (e: Expression): void => {
    switch (e.kind) {
      case 'Literal':
        if ((e as Literal).type === 'string') out.push(e.raw);
        break;
      case 'Identifier':
        break;
      case 'Array':
        e.elements.forEach(expr);
        break;
      case 'Object':
        for (const field of e.fields) {
          if (field.quoted) out.push(`key:${field.name.name}`);
          expr(field.value);
        }
        break;
      case 'Access':
        expr(e.value);
        break;
      case 'Index':
        expr(e.value);
        expr(e.index);
        break;
      case 'Call':
        expr(e.callee);
        e.args.forEach(expr);
        break;
      case 'Unary':
        expr(e.operand);
        break;
      case 'Binary':
        expr(e.left);
        expr(e.right);
        break;
      case 'Paren':
        expr(e.inner);
        break;
    }
  };
  const stmts = (list: readonly Statement[]): void => {
    for (const s of list) {
      if (s.kind === 'Attribute') expr(s.value);
      else stmts(s.body);
    }
  };
  stmts(body);
  return out;
}

/**
 * Delta debugging on source text: repeatedly deletes chunks (halving their size) while
 * `fails` still holds. Bounded by `budget` calls of `fails`. Layout-randomised sources
 * shrink badly through their generator; their text shrinks well.
 */
export function minimizeSource(source: string, fails: (s: string) => boolean, budget = 4000): string {
  let current = source;
  let calls = 0;
  for (let size = Math.max(1, current.length >> 1); size >= 1 && calls < budget; size >>= 1) {
    let progress = true;
    while (progress && calls < budget) {
      progress = false;
      for (let i = 0; i + size <= current.length && calls < budget; ) {
        const candidate = current.slice(0, i) + current.slice(i + size);
        calls++;
        if (fails(candidate)) {
          current = candidate;
          progress = true;
        } else {
          i++;
        }
      }
    }
  }
  return current;
}
