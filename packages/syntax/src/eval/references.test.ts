import { describe, expect, it } from 'vitest';
import { MAX_TREE_DEPTH } from '../parser/parser.js';
import { parseExpression } from '../parser/parse.js';
import { references } from './references.js';

function refs(src: string): string[] {
  const { expression, diagnostics } = parseExpression(src);
  expect(diagnostics).toEqual([]);
  return references(expression).map((t) => `${t.names.join('.')}@${t.start.column}-${t.end.column}`);
}

describe('references', () => {
  it.each([
    ['pyroscope.write.prod.receiver', ['pyroscope.write.prod.receiver@1-29']],
    ['[a.b, c]', ['a.b@2-4', 'c@7-7']],
    ['a.b[0].c', ['a.b@1-3']],
    ['f(x).y', ['f@1-1', 'x@3-3']],
    ['string.format("%s", env.HOME)', ['string.format@1-13', 'env.HOME@21-28']],
    ['{ k = v.w }', ['v.w@7-9']],
    ['m[key] + -n', ['m@1-1', 'key@3-5', 'n@11-11']],
    ['(a).b', ['a@2-2']],
    ['x + x', ['x@1-1', 'x@5-5']],
    ['1 + "a"', []],
  ])('%s uses %j', (src, expected) => {
    expect(refs(src)).toEqual(expected);
  });

  it('walks the longest operator chain without recursion', () => {
    const src = Array.from({ length: MAX_TREE_DEPTH }, (_, i) => `v${i}`).join(' + ');
    expect(refs(src)).toHaveLength(MAX_TREE_DEPTH);
  });
});
