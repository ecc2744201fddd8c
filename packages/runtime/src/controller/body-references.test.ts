import { parseFile } from '@ingot/syntax';
import { describe, expect, it } from 'vitest';
import { bodyReferences } from './body-references.js';

describe('bodyReferences', () => {
  it('finds the traversals of attributes and nested blocks, in source order', () => {
    const source = [
      'a "x" {',
      '  first = b.c.d',
      '  nested {',
      '    deeper { value = string.format("%s", e.f) }',
      '  }',
      '  last = [g.h[0], 1]',
      '}',
    ].join('\n');
    const [block] = parseFile(source).file.body;
    if (block?.kind !== 'Block') throw new Error('expected a block');
    const found = bodyReferences(block.body);
    expect(found.map((traversal) => traversal.names.join('.'))).toEqual(['b.c.d', 'string.format', 'e.f', 'g.h']);
    expect(found[0]).toMatchObject({ start: { line: 2, column: 11 }, end: { line: 2, column: 15 } });
  });
});
