import { describe, expect, it } from 'vitest';
import { TabWriter, type TabWriterOutput } from './tabwriter.js';

/** Collects the tabwriter's output, marking escaped text with «» to make it visible. */
class Collector implements TabWriterOutput {
  out = '';
  text(s: string): void {
    this.out += s;
  }
  escaped(s: string): void {
    this.out += `«${s}»`;
  }
}

/** Writes `chunks` (strings are interpreted, `{ escaped }` are not), then flushes. */
function tabwrite(...chunks: (string | { escaped: string })[]): string {
  const collector = new Collector();
  const tw = new TabWriter(collector);
  for (const chunk of chunks) {
    if (typeof chunk === 'string') tw.write(chunk);
    else tw.writeEscaped(chunk.escaped);
  }
  tw.flush();
  return collector.out;
}

describe('TabWriter (Go text/tabwriter, minwidth 0, tabwidth 8, padding 1, DiscardEmptyColumns|TabIndent)', () => {
  it('pads each column to its widest cell plus one space', () => {
    expect(tabwrite('a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n')).toBe(
      'a   b   c\naa  bbb cccc\naaa bbbb\n',
    );
  });

  it('never aligns the last cell of a line', () => {
    expect(tabwrite('a\tx\nbbbbbb\n')).toBe('a x\nbbbbbb\n');
  });

  it('ends a column block at the first line without a cell in that column', () => {
    expect(tabwrite('a\t1\nbb\t2\nccc\ndddd\t3\ne\t4\n')).toBe('a  1\nbb 2\nccc\ndddd 3\ne    4\n');
  });

  it('uses tabs for leading empty cells (TabIndent), one per level', () => {
    expect(tabwrite('\tx\n\t\ty\n\tz\n')).toBe('\tx\n\t\ty\n\tz\n');
  });

  it('pads an indented column with spaces after the indentation tabs', () => {
    expect(tabwrite('\ta\vb\n\tcc\vd\n')).toBe('\ta  b\n\tcc d\n');
  });

  it('discards a column of empty soft cells, but not of empty hard cells', () => {
    expect(tabwrite('a\v\vb\n')).toBe('a b\n');
    expect(tabwrite('a\t\tb\n')).toBe('a  b\n');
  });

  it('lets a formfeed end the alignment segment', () => {
    expect(tabwrite('a\tb\nccc\td\n')).toBe('a   b\nccc d\n');
    expect(tabwrite('a\tb\fccc\td\n')).toBe('a b\nccc d\n');
  });

  it('flushes after a line without cell breaks, which cannot affect later lines', () => {
    expect(tabwrite('a\tb\n\nccc\td\n')).toBe('a b\n\nccc d\n');
  });

  it('measures widths in code points', () => {
    expect(tabwrite('日本\tx\nab\ty\n')).toBe('日本 x\nab y\n');
    expect(tabwrite('😀\tx\nab\ty\n')).toBe('😀  x\nab y\n');
  });

  it('keeps escaped text whole and counts its code points', () => {
    expect(tabwrite('a\t', { escaped: '// x\ty' }, '\nbbbbbbbb\t', { escaped: '// z' }, '\n')).toBe(
      'a        «// x\ty»\nbbbbbbbb «// z»\n',
    );
    expect(tabwrite({ escaped: 'a\tb\nc' }, '\tx\nyyyyyy\tz\n')).toBe('«a\tb\nc»  x\nyyyyyy z\n');
  });

  it('writes no newline after an unterminated last line', () => {
    expect(tabwrite('a\tb')).toBe('a b');
    expect(tabwrite('a\tb\ncc\td')).toBe('a  b\ncc d');
    expect(tabwrite('')).toBe('');
  });

  it('writes a trailing empty cell as padding only when its column continues', () => {
    expect(tabwrite('a\t\nbb\tc\n')).toBe('a  \nbb c\n');
  });
});
