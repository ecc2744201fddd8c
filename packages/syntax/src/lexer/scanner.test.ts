import { describe, expect, it } from 'vitest';
import { decodeSourceText } from '../source/source-text.js';
import { Scanner } from './scanner.js';
import { tokenName } from './tokens.js';

/** Scans to EOF: `KIND text@line:col` per token, and the errors. */
function scan(source: string, insertTerminators = true): { tokens: string[]; errors: string[] } {
  const scanner = new Scanner(source, { insertTerminators });
  const tokens: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const tok = scanner.scan();
    const name = tokenName(tok.tokenType);
    if (name === 'EOF') break;
    const text = /^[A-Z]+$/.test(name) && name !== 'TERMINATOR' ? ` ${tok.image}` : '';
    tokens.push(`${name}${text}@${tok.startLine}:${tok.startColumn}`);
  }
  const errors = scanner.errors.map((e) => `${e.line}:${e.column}(${e.offset}) ${e.message}`);
  return { tokens, errors };
}

describe('terminators', () => {
  it('ends a line after a value, never after an operator or opener', () => {
    expect(scan('a = 1\nb = [\n2,\n]\n').tokens).toEqual([
      'IDENT a@1:1', '=@1:3', 'NUMBER 1@1:5', 'TERMINATOR@1:6',
      'IDENT b@2:1', '=@2:3', '[@2:5', 'NUMBER 2@3:1', ',@3:2', ']@4:1', 'TERMINATOR@4:2',
    ]);
  });

  it('inserts a terminator at the end of input', () => {
    expect(scan('a = 1').tokens.at(-1)).toBe('TERMINATOR@1:6');
  });

  it('puts the terminator before a comment that runs to the end of the line', () => {
    expect(scan('a = 1 // one\nb = 2 /* two */\nc = 3 /* x */ /* y */  \n').tokens).toEqual([
      'IDENT a@1:1', '=@1:3', 'NUMBER 1@1:5', 'TERMINATOR@1:7', 'COMMENT // one@1:7',
      'IDENT b@2:1', '=@2:3', 'NUMBER 2@2:5', 'TERMINATOR@2:7', 'COMMENT /* two */@2:7',
      'IDENT c@3:1', '=@3:3', 'NUMBER 3@3:5', 'TERMINATOR@3:7', 'COMMENT /* x */@3:7', 'COMMENT /* y */@3:15',
    ]);
  });

  it('does not end the line at a block comment followed by more tokens', () => {
    expect(scan('a = 1 /* c */ + 2\n').tokens).toEqual([
      'IDENT a@1:1', '=@1:3', 'NUMBER 1@1:5', 'COMMENT /* c */@1:7', '+@1:15', 'NUMBER 2@1:17', 'TERMINATOR@1:18',
    ]);
  });

  it('treats \\r as whitespace and only \\n as a line break', () => {
    expect(scan('a\r\nb').tokens).toEqual(['IDENT a@1:1', 'TERMINATOR@1:3', 'IDENT b@2:1', 'TERMINATOR@2:2']);
  });
});

describe('positions count UTF-8 bytes', () => {
  it('advances columns by the byte length of each character', () => {
    expect(scan('"é🙂" x').tokens).toEqual(['STRING "é🙂"@1:1', 'IDENT x@1:10', 'TERMINATOR@1:11']);
  });

  it('skips a byte order mark only at the very start', () => {
    expect(scan('\ufeffa').tokens).toEqual(['IDENT a@1:4', 'TERMINATOR@1:5']);
    expect(scan('a \ufeff').errors).toEqual(['1:3(2) illegal byte order mark']);
  });

  it('counts an invalid UTF-8 byte as one byte', () => {
    const source = decodeSourceText(Uint8Array.from([0x78, 0xff, 0x79]));
    const result = scan(source);
    expect(result.errors).toEqual([
      '1:2(1) illegal UTF-8 encoding',
      "1:2(1) illegal character U+FFFD '\ufffd'",
    ]);
    expect(result.tokens.at(-2)).toBe('IDENT y@1:3');
  });

  it('gives multi-line raw strings the end position of their closing backtick', () => {
    const scanner = new Scanner('x = `a\nbc`');
    scanner.scan();
    scanner.scan();
    const raw = scanner.scan();
    expect([raw.endLine, raw.endColumn, raw.endOffset]).toEqual([2, 3, 9]);
  });
});

describe('literals', () => {
  it('scans numbers and floats as upstream', () => {
    expect(scan('0 007 1. .5 1.e3 2E-4 0x10 a.5', false).tokens).toEqual([
      'NUMBER 0@1:1', 'NUMBER 007@1:3', 'FLOAT 1.@1:7', 'FLOAT .5@1:10', 'FLOAT 1.e3@1:13', 'FLOAT 2E-4@1:18',
      'NUMBER 0@1:23', 'IDENT x10@1:24', 'IDENT a@1:28', 'FLOAT .5@1:29',
    ]);
  });

  it('reports an exponent without digits at the number', () => {
    expect(scan('x = 1e+').errors).toEqual(['1:5(4) exponent has no digits']);
  });

  it('recognises keywords and Unicode identifiers', () => {
    expect(scan('true false null nullable ŝ_1 a६', false).tokens).toEqual([
      'BOOL true@1:1', 'BOOL false@1:6', 'NULL null@1:12', 'IDENT nullable@1:17', 'IDENT ŝ_1@1:26', 'IDENT a६@1:31',
    ]);
  });

  it('accepts every escape and reports bad ones after the backslash', () => {
    expect(scan(String.raw`"\a\b\f\n\r\t\v\\\"\101\x41\u00e9\U0001F642"`).errors).toEqual([]);
    expect(scan(String.raw`"\q"`).errors).toEqual(['1:3(2) unknown escape sequence']);
    expect(scan(String.raw`"\'"`).errors).toEqual(['1:3(2) unknown escape sequence']);
    expect(scan(String.raw`"\xg1"`).errors).toEqual(["1:3(2) illegal character U+0067 'g' in escape sequence"]);
    expect(scan(String.raw`"\400"`).errors).toEqual(['1:3(2) escape sequence is invalid Unicode code point']);
    expect(scan(String.raw`"\ud800"`).errors).toEqual(['1:3(2) escape sequence is invalid Unicode code point']);
    expect(scan('"\\').errors).toEqual(['1:3(2) escape sequence not terminated', '1:1(0) string literal not terminated']);
  });

  it('keeps raw strings verbatim across lines', () => {
    expect(scan('x = `a\\n\n"b"`').tokens).toContain('STRING `a\\n\n"b"`@1:5');
  });

  it('rejects single-quoted strings as one token', () => {
    const result = scan("x = 'a b' + 1");
    expect(result.errors).toEqual(['1:5(4) illegal single-quoted string; use double quotes']);
    expect(result.tokens).toContain("ILLEGAL 'a b'@1:5");
  });
});

describe('operators and comments', () => {
  it('scans every operator, longest match first', () => {
    const ops = '|| && ! != = == < <= > >= + - * / % ^ { } ( ) [ ] , .';
    expect(scan(ops, false).tokens.map((t) => t.split('@')[0])).toEqual(ops.split(' '));
  });

  it('reports a lone | or & after it', () => {
    expect(scan('a | b & c').errors).toEqual(['1:4(3) missing second | in ||', '1:8(7) missing second & in &&']);
  });

  it('reports illegal characters with their code point', () => {
    expect(scan('# x $ \u0007').errors).toEqual([
      "1:1(0) illegal character U+0023 '#'", "1:5(4) illegal character U+0024 '$'", '1:7(6) illegal character U+0007',
    ]);
  });

  it('reports NUL where it is read', () => {
    expect(scan('abc\u0000').errors).toEqual(['1:4(3) illegal character NUL', '1:4(3) illegal character U+0000']);
  });

  it('strips carriage returns from comments', () => {
    expect(scan('// a\r\n/* b\r\nc */', false).tokens).toEqual(['COMMENT // a@1:1', 'COMMENT /* b\nc */@2:1']);
  });

  it('reports an unterminated block comment at its start', () => {
    expect(scan('a /* b').errors).toEqual(['1:3(2) block comment not terminated']);
  });
});
