import { describe, expect, it } from 'vitest';
import { Trimmer } from './trimmer.js';

/** Feeds plain strings and `{ escaped }` chunks to a trimmer. */
function trim(...chunks: (string | { escaped: string })[]): string {
  const trimmer = new Trimmer();
  for (const chunk of chunks) {
    if (typeof chunk === 'string') trimmer.text(chunk);
    else trimmer.escaped(chunk.escaped);
  }
  return trimmer.result();
}

describe('Trimmer', () => {
  it('drops blanks before a line break and at the end', () => {
    expect(trim('a = 1  \n\t\nb \t')).toBe('a = 1\n\nb');
  });

  it('keeps blanks between texts, even across chunks', () => {
    expect(trim('a', '  ', '\t', 'b')).toBe('a  \tb');
    expect(trim('a ', ' \n', 'b')).toBe('a\nb');
  });

  it('turns \\v into \\t and \\f into \\n', () => {
    expect(trim('a\vb\fc')).toBe('a\tb\nc');
  });

  it('copies escaped text verbatim, trailing blanks and all', () => {
    expect(trim('x ', { escaped: '// c  ' }, '  \n')).toBe('x // c  \n');
    expect(trim({ escaped: '`a  \n\tb`' })).toBe('`a  \n\tb`');
  });

  it('trims blanks after escaped text like any other', () => {
    expect(trim({ escaped: '/* c */' }, ' \t')).toBe('/* c */');
  });
});
