import { describe, expect, it } from 'vitest';
import type { Attribute, Block, Expression } from '../ast/nodes.js';
import { formatDiagnostic } from '../diag/diagnostic.js';
import { parseExpression, parseFile } from './parse.js';

/** A compact rendering of an expression tree: operators parenthesised, literals raw. */
function shape(e: Expression): string {
  switch (e.kind) {
    case 'Identifier': return e.name;
    case 'Literal': return e.raw;
    case 'Array': return `[${e.elements.map(shape).join(', ')}]`;
    case 'Object': return `{${e.fields.map((f) => `${f.quoted ? `"${f.name.name}"` : f.name.name}=${shape(f.value)}`).join(', ')}}`;
    case 'Access': return `${shape(e.value)}.${e.name.name}`;
    case 'Index': return `${shape(e.value)}[${shape(e.index)}]`;
    case 'Call': return `${shape(e.callee)}(${e.args.map(shape).join(', ')})`;
    case 'Unary': return `(${e.operator}${shape(e.operand)})`;
    case 'Binary': return `(${shape(e.left)} ${e.operator} ${shape(e.right)})`;
    case 'Paren': return `<${shape(e.inner)}>`;
  }
}

function expr(source: string): string {
  const { expression, diagnostics } = parseExpression(source);
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return shape(expression);
}

function errors(source: string): string[] {
  return parseFile(source, { filename: 'test.alloy' }).diagnostics.map(formatDiagnostic);
}

describe('expressions', () => {
  it('applies precedence from || (lowest) to ^ (highest)', () => {
    expect(expr('a || b && c == d + e * f ^ g')).toBe('(a || (b && (c == (d + (e * (f ^ g))))))');
    expect(expr('a ^ b * c + d != e && f || g')).toBe('((((((a ^ b) * c) + d) != e) && f) || g)');
  });

  it('associates left, except ^ which associates right', () => {
    expect(expr('1 - 2 - 3')).toBe('((1 - 2) - 3)');
    expect(expr('8 / 4 % 3 * 2')).toBe('(((8 / 4) % 3) * 2)');
    expect(expr('2 ^ 3 ^ 2')).toBe('(2 ^ (3 ^ 2))');
  });

  it('chains comparisons syntactically', () => {
    expect(expr('1 == 2 != 3 < 4 <= 5 > 6 >= 7')).toBe('((((((1 == 2) != 3) < 4) <= 5) > 6) >= 7)');
  });

  it('binds unary operators tighter than ^ and postfix operators tighter than unary', () => {
    expect(expr('-2 ^ 2')).toBe('((-2) ^ 2)');
    expect(expr('2 ^ -1')).toBe('(2 ^ (-1))');
    expect(expr('!f(x).y[0]')).toBe('(!f(x).y[0])');
    expect(expr('- -a')).toBe('(-(-a))');
  });

  it('allows postfix operations on any expression', () => {
    expect(expr('(a.b.c)(1)')).toBe('<a.b.c>(1)');
    expect(expr('f(1, 2,).x[0]')).toBe('f(1, 2).x[0]');
    expect(expr('[1, 2][0]')).toBe('[1, 2][0]');
  });

  it('parses every literal kind', () => {
    expect(expr('[1, 1.5, .5, 1e3, "s", `r`, true, false, null]')).toBe('[1, 1.5, .5, 1e3, "s", `r`, true, false, null]');
  });

  it('parses objects with identifier and quoted keys, keeping quoted keys raw', () => {
    expect(expr('{a = 1, "b c" = 2, "x\\"y" = 3, `k` = 4, "" = 5}')).toBe('{a=1, "b c"=2, "x\\"y"=3, "k"=4, ""=5}');
  });

  it('continues lines after openers, commas and operators', () => {
    expect(expr('[\n1,\n2,\n]')).toBe('[1, 2]');
    expect(expr('f(\n1,\n)')).toBe('f(1)');
    expect(expr('{\na = 1,\n}')).toBe('{a=1}');
    expect(expr('1 +\n2')).toBe('(1 + 2)');
  });

  it('requires the expression to end the input', () => {
    expect(parseExpression('{ a = 15 }.7').diagnostics.map(formatDiagnostic)).toEqual(['1:11: expected TERMINATOR, got FLOAT']);
  });
});

describe('statements', () => {
  it('parses attributes and nested blocks with labels', () => {
    const { file, diagnostics } = parseFile('a = 1\npyroscope.write "prod" {\n  endpoint { url = "x" }\n}\nb "" {}\n');
    expect(diagnostics).toEqual([]);
    const [attr, block, unlabelled] = file.body as [Attribute, Block, Block];
    expect(attr.name.name).toBe('a');
    expect(block.name).toEqual(['pyroscope', 'write']);
    expect(block.label).toBe('prod');
    expect(block.labelPos).toEqual({ offset: 22, line: 2, column: 17 });
    expect((block.body[0] as Block).name).toEqual(['endpoint']);
    expect(unlabelled.label).toBe('');
  });

  it('groups comments as upstream does', () => {
    const { file } = parseFile('// a\n// b\n\n// c\nx = 1 /* d */ + 2 // e\n');
    expect(file.comments.map((g) => g.map((c) => c.text))).toEqual([['// a', '// b'], ['// c'], ['/* d */'], ['// e']]);
  });

  it('accepts an empty file, blank lines and comment-only files', () => {
    expect(errors('')).toEqual([]);
    expect(errors('\n\n// only a comment\n')).toEqual([]);
  });
});

describe('positions', () => {
  it('gives every node its start and inclusive end', () => {
    const { file } = parseFile('x = f(a.b, [1], {k = "v"})[0]\nblk "l" {\n}\n');
    const attr = file.body[0] as Attribute;
    expect(attr.start).toEqual({ offset: 0, line: 1, column: 1 });
    expect(attr.end).toEqual({ offset: 28, line: 1, column: 29 });
    const index = attr.value;
    expect(index.kind).toBe('Index');
    if (index.kind !== 'Index' || index.value.kind !== 'Call') throw new Error('unexpected tree');
    const call = index.value;
    expect([call.start.column, call.end.column, call.lParen.column]).toEqual([5, 26, 6]);
    const [access, array, object] = call.args;
    expect([access!.start.column, access!.end.column]).toEqual([7, 9]);
    expect([array!.start.column, array!.end.column]).toEqual([12, 14]);
    expect([object!.start.column, object!.end.column]).toEqual([17, 25]);
    const block = file.body[1] as Block;
    expect([block.start.line, block.end.line, block.end.column, block.lCurly.column]).toEqual([2, 3, 1, 9]);
  });

  it('counts columns in bytes', () => {
    const { file } = parseFile('x = "é🙂" + y\n');
    const value = (file.body[0] as Attribute).value;
    if (value.kind !== 'Binary') throw new Error('unexpected tree');
    expect(value.operatorPos.column).toBe(14);
    expect(value.right.start.column).toBe(16);
  });
});

describe('diagnostics', () => {
  it('reports every mistake in a file in one run, an unclosed list included', () => {
    expect(errors([
      'a = 1 + + 2',
      'b = [1, 2',
      'c {',
      '  d = ',
      '}',
      'e.f = 3',
      'g "with space" {}',
      "h = 'single'",
    ].join('\n'))).toEqual([
      'test.alloy:1:9: expected expression, got +',
      "test.alloy:2:10: missing ',' in expression list",
      'test.alloy:5:1: expected expression, got }',
      'test.alloy:6:1: attribute names may only consist of a single identifier with no "."',
      'test.alloy:7:3: expected block label to be a valid identifier, but got "with space"',
      'test.alloy:8:5: illegal single-quoted string; use double quotes',
      // Upstream de-duplicates parser errors only, so the parser's view follows.
      'test.alloy:8:5: expected expression, got ILLEGAL',
    ]);
  });

  it('keeps one parser error per line', () => {
    expect(errors('a = (1 + ) + (2 + )\nb = 2')).toEqual(['test.alloy:1:10: expected expression, got )']);
  });

  it('uses upstream messages for statements', () => {
    expect(errors('a b c')).toEqual(['test.alloy:1:3: expected block label, got IDENT']);
    // A bare name reads on as a block name looking for its label, as upstream does.
    expect(errors('a\n')).toEqual([
      'test.alloy:1:2: expected block label, got TERMINATOR',
      'test.alloy:2:1: expected attribute assignment or block body, got EOF',
    ]);
    expect(errors('a.b {}\nc.d\n')).toEqual([
      'test.alloy:2:4: expected block label, got TERMINATOR',
      'test.alloy:3:1: expected block body, got EOF',
    ]);
    expect(errors('= 1')).toEqual(['test.alloy:1:1: expected identifier, got =']);
    expect(errors('a = 1 b = 2')).toEqual(['test.alloy:1:7: expected TERMINATOR, got IDENT']);
    expect(errors('a. = 1')).toEqual(['test.alloy:1:4: expected identifier, got =']);
    expect(errors('a "l" = 1')).toEqual(['test.alloy:1:3: attribute names may not have labels']);
    expect(errors('a `l` {}')).toEqual(['test.alloy:1:3: expected block label to be a double quoted string, but got "`l`"']);
  });

  it('uses upstream messages for expressions', () => {
    expect(errors('x = a.true')).toEqual(['test.alloy:1:7: expected IDENT, got BOOL']);
    expect(errors('x = {a = 1\nb = 2}')).toEqual(["test.alloy:1:11: missing ',' in field list"]);
    expect(errors('x = {1 = 2}')).toEqual(['test.alloy:1:6: expected field name (string or identifier), got NUMBER']);
    expect(errors('x = {]')).toEqual(['test.alloy:1:6: expected }, got ]']);
    expect(errors('x = f(1')).toEqual(["test.alloy:1:8: missing ',' in expression list"]);
  });

  it('says a block cannot be a value, spanning the whole block', () => {
    const { diagnostics } = parseFile('rw = prometheus.remote_write "x" {\n  url = "y"\n}\n');
    expect(diagnostics).toEqual([{
      severity: 'error', message: 'cannot use a block as an expression', file: '',
      start: { offset: 5, line: 1, column: 6 }, end: { offset: 47, line: 3, column: 1 },
    }]);
  });

  it('spans attribute-name errors over the name or label', () => {
    const [dotted] = parseFile('a.bc = 1').diagnostics;
    expect([dotted!.start.column, dotted!.end?.column]).toEqual([1, 4]);
    const [labelled] = parseFile('a "lbl" = 1').diagnostics;
    expect([labelled!.start.column, labelled!.end?.column]).toEqual([3, 7]);
  });

  it('orders scanner and parser errors as upstream does', () => {
    expect(errors('a = # 1\nb = $')).toEqual([
      "test.alloy:1:5: illegal character U+0023 '#'",
      'test.alloy:1:5: expected expression, got ILLEGAL',
      "test.alloy:2:5: illegal character U+0024 '$'",
      'test.alloy:2:5: expected expression, got ILLEGAL',
    ]);
  });

  it('reports nesting past the limit once, without overflowing the stack', () => {
    const deep = `x = ${'['.repeat(10_000)}1${']'.repeat(10_000)}\ny = 1 +\n`;
    expect(errors(deep)).toEqual([
      'test.alloy:1:106: nesting is too deep: more than 100 levels',
      'test.alloy:3:1: expected expression, got EOF',
    ]);
    for (const [open, close] of [['[', ']'], ['(', ')'], ['{a = ', '}'], ['f(', ')'], ['a[', ']'], ['-', '']]) {
      const nest = (n: number): string => `x = ${open!.repeat(n)}1${close!.repeat(n)}`;
      expect(errors(nest(100)), `100 × ${open}`).toEqual([]);
      expect(errors(nest(101)), `101 × ${open}`).toEqual([
        expect.stringMatching(/nesting is too deep: more than 100 levels$/),
      ]);
    }
    expect(errors(`x = ${Array.from({ length: 5000 }, () => '1').join(' + ')}`)).toEqual([
      'test.alloy:1:4007: nesting is too deep: more than 1000 levels',
    ]);
    const blocks = `${'b {\n'.repeat(5000)}${'}\n'.repeat(5000)}`;
    expect(errors(blocks)).toEqual(['test.alloy:102:1: nesting is too deep: more than 100 levels']);
  });
});
