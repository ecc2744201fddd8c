import { describe, expect, it } from 'vitest';
import type { Position } from '../source/position.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import { renderDiagnostics } from './render.js';

/** A position from `line:col`; the renderer never reads the offset. */
function at(lineCol: string): Position {
  const [line, column] = lineCol.split(':').map(Number);
  return { offset: 0, line: line ?? 0, column: column ?? 0 };
}

function diag(
  file: string,
  start: string,
  end?: string,
  message = 'synthetic error',
  severity: Severity = 'error',
): Diagnostic {
  return end === undefined
    ? { severity, message, file, start: at(start) }
    : { severity, message, file, start: at(start), end: at(end) };
}

const lines = (...ls: string[]): string => ls.join('\n');

describe('renderDiagnostics', () => {
  it('underlines a range on one line, tabs as four spaces', () => {
    const src = lines('server "main" {', '\tport    = 80', '\tenabled = true', '}');
    expect(renderDiagnostics([diag('cfg', '2:2', '2:5')], { cfg: src })).toBe(
      lines(
        'Error: cfg:2:2: synthetic error',
        '',
        '1 | server "main" {',
        '2 |     port    = 80',
        '  |     ^^^^',
        '3 |     enabled = true',
        '',
      ),
    );
  });

  it('pads line numbers to the widest one printed', () => {
    const src = Array.from({ length: 11 }, (_, i) => `row ${i + 1}`).join('\n');
    expect(renderDiagnostics([diag('f', '9:1', '9:5')], { f: src })).toBe(
      lines(' 8 | row 8', ' 9 | row 9', '   | ^^^^^', '10 | row 10', '').replace(/^/, 'Error: f:9:1: synthetic error\n\n'),
    );
  });

  it('draws a multi-line range starting mid-line', () => {
    const src = lines('begin', 'lead in HERE', 'a', '\tb', '\t\tc', '\t\t\tstop here', 'end');
    expect(renderDiagnostics([diag('f', '2:9', '6:8')], new Map([['f', src]]))).toBe(
      lines(
        'Error: f:2:9: synthetic error',
        '',
        '1 |   begin',
        '2 |   lead in HERE',
        '  |  _________^^^^',
        '3 | | a',
        '4 | |     b',
        '5 | |         c',
        '6 | |             stop here',
        '  | |_____________^^^^^',
        '7 |   end',
        '',
      ),
    );
  });

  it('draws a multi-line range starting at column 1', () => {
    const src = lines('x', 'START', 'mid', 'STOP', 'y');
    expect(renderDiagnostics([diag('f', '2:1', '4:2')], { f: src })).toBe(
      lines(
        'Error: f:2:1: synthetic error',
        '',
        '1 |   x',
        '2 |   START',
        '  |  _^^^^^',
        '3 | | mid',
        '4 | | STOP',
        '  | |_^^',
        '5 |   y',
        '',
      ),
    );
  });

  it('marks one column when there is no end position', () => {
    expect(renderDiagnostics([diag('f', '1:4')], { f: 'foo,bar' })).toBe(
      lines('Error: f:1:4: synthetic error', '', '1 | foo,bar', '  |    ^', ''),
    );
  });

  it('separates diagnostics by one blank line and has no trailing blank line', () => {
    const files = { a: 'old = 15\n3 & 4', b: 'old = 22' };
    const out = renderDiagnostics(
      [
        diag('a', '1:1', '1:3', 'old is deprecated', 'warning'),
        diag('a', '2:3', undefined, 'unrecognized operator &'),
        diag('b', '1:1', '1:3', 'old is deprecated', 'warning'),
      ],
      files,
    );
    expect(out).toBe(
      lines(
        'Warning: a:1:1: old is deprecated',
        '',
        '1 | old = 15',
        '  | ^^^',
        '2 | 3 & 4',
        '',
        'Error: a:2:3: unrecognized operator &',
        '',
        '1 | old = 15',
        '2 | 3 & 4',
        '  |   ^',
        '',
        'Warning: b:1:1: old is deprecated',
        '',
        '1 | old = 22',
        '  | ^^^',
        '',
      ),
    );
  });

  it('renders nothing for no diagnostics', () => {
    expect(renderDiagnostics([], {})).toBe('');
  });

  it('prints only the header when the file is unknown or has no position', () => {
    expect(renderDiagnostics([diag('missing', '1:1')], { other: 'x' })).toBe(
      'Error: missing:1:1: synthetic error\n',
    );
    expect(renderDiagnostics([diag('f', '1:1')])).toBe('Error: f:1:1: synthetic error\n');
    const noPos: Diagnostic = {
      severity: 'error',
      message: 'no position',
      file: 'f',
      start: { offset: 0, line: 0, column: 0 },
    };
    expect(renderDiagnostics([noPos], { f: 'x = 1' })).toBe('Error: f: no position\n');
  });

  it('uses the unnamed position form when the file name is empty', () => {
    expect(renderDiagnostics([diag('', '1:1')], { '': 'x' })).toBe(
      lines('Error: 1:1: synthetic error', '', '1 | x', '  | ^', ''),
    );
  });

  it('prints an empty context line with a trailing space', () => {
    expect(renderDiagnostics([diag('f', '2:1')], { f: 'a\nb\n' })).toBe(
      lines('Error: f:2:1: synthetic error', '', '1 | a', '2 | b', '  | ^', '3 | ', ''),
    );
  });

  it('honours the context line options', () => {
    const src = lines('1', '2', '3', '4', '5');
    expect(
      renderDiagnostics([diag('f', '3:1')], { f: src }, { contextLinesBefore: 2, contextLinesAfter: 0 }),
    ).toBe(lines('Error: f:3:1: synthetic error', '', '1 | 1', '2 | 2', '3 | 3', '  | ^', ''));
    expect(
      renderDiagnostics([diag('f', '1:1')], { f: src }, { contextLinesBefore: 0, contextLinesAfter: 0 }),
    ).toBe(lines('Error: f:1:1: synthetic error', '', '1 | 1', '  | ^', ''));
  });

  it('drops \\r from the source line but lets it take a focus column', () => {
    // Upstream quirk: `\r` is not printed, yet the focus walk still emits one character for it.
    expect(renderDiagnostics([diag('f', '1:1', '1:3')], { f: 'ab\r\nc' })).toBe(
      lines('Error: f:1:1: synthetic error', '', '1 | ab', '  | ^^^', '2 | c', ''),
    );
  });

  it('treats a vertical tab like a tab', () => {
    expect(renderDiagnostics([diag('f', '1:2')], { f: '\vx' })).toBe(
      lines('Error: f:1:2: synthetic error', '', '1 |     x', '  |     ^', ''),
    );
  });

  describe('UTF-8', () => {
    it('counts byte columns but prints one caret per rune', () => {
      // "é" is 2 bytes and "€" is 3, so `name` starts at byte column 11.
      const src = 'label = "é€" + name';
      const out = renderDiagnostics([diag('f', '1:10', '1:14')], { f: src });
      expect(out).toBe(lines('Error: f:1:10: synthetic error', '', '1 | label = "é€" + name', '  |          ^^', ''));
    });

    it('places a caret after multi-byte runes at the right column', () => {
      const src = 'ключ = 1'; // each Cyrillic letter is 2 bytes: `=` is byte column 10
      expect(renderDiagnostics([diag('f', '1:10')], { f: src })).toBe(
        lines('Error: f:1:10: synthetic error', '', '1 | ключ = 1', '  |      ^', ''),
      );
    });

    it('handles 4-byte runes (astral plane)', () => {
      const src = 'a = "😀" + b'; // 😀 is 4 bytes: `+` is byte column 12, `b` 14
      expect(renderDiagnostics([diag('f', '1:5', '1:13')], { f: src })).toBe(
        lines('Error: f:1:5: synthetic error', '', '1 | a = "😀" + b', '  |     ^^^^^^', ''),
      );
    });

    it('accepts raw bytes and prints invalid UTF-8 as U+FFFD, one column per byte', () => {
      const bytes = new Uint8Array([0x78, 0x20, 0x3d, 0x20, 0x22, 0xff, 0xfe, 0x22, 0x0a, 0x79]);
      expect(renderDiagnostics([diag('f', '1:6', '1:7')], { f: bytes })).toBe(
        lines('Error: f:1:6: synthetic error', '', '1 | x = "\uFFFD\uFFFD"', '  |      ^^', '2 | y', ''),
      );
    });

    it('treats a truncated sequence as one invalid byte', () => {
      // 0xE2 0x82 starts "€" but the third byte is missing.
      const bytes = new Uint8Array([0xe2, 0x82, 0x41]);
      expect(renderDiagnostics([diag('f', '1:3')], { f: bytes })).toBe(
        lines('Error: f:1:3: synthetic error', '', '1 | \uFFFD\uFFFDA', '  |   ^', ''),
      );
    });

    it('gives the same output for a string and its UTF-8 bytes', () => {
      const src = 'ü = ["ß",\n\t"日本"]';
      const d = [diag('f', '1:6', '2:5')];
      expect(renderDiagnostics(d, { f: new TextEncoder().encode(src) })).toBe(renderDiagnostics(d, { f: src }));
    });
  });

  describe('colour', () => {
    const files = { f: 'x = 1' };

    it('colours only the header, resetting after the newline', () => {
      expect(renderDiagnostics([diag('f', '1:1', '1:1', 'bad')], files, { color: true })).toBe(
        '\x1b[31;1mError: \x1b[0m\x1b[1mf:1:1: bad\n\x1b[0m\n1 | x = 1\n  | ^\n',
      );
      expect(renderDiagnostics([diag('f', '1:5', undefined, 'meh', 'warning')], files, { color: true })).toBe(
        '\x1b[33;1mWarning: \x1b[0m\x1b[1mf:1:5: meh\n\x1b[0m\n1 | x = 1\n  |     ^\n',
      );
    });

    it('emits no escape sequences by default', () => {
      expect(renderDiagnostics([diag('f', '1:1')], files)).not.toContain('\x1b');
      expect(renderDiagnostics([diag('f', '1:1')], files, { color: false })).not.toContain('\x1b');
    });
  });
});
