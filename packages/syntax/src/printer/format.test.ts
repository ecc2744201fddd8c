import { describe, expect, it } from 'vitest';
import type { Attribute, Expression, Literal, ObjectExpr } from '../ast/nodes.js';
import { parseExpression } from '../parser/parse.js';
import { expectStable, fmt, parse } from '../../test/support/format.js';
import { format } from './format.js';

type Case = readonly [rule: string, input: string, output: string];

/** The canonical style (spec §7.1). */
const style: Case[] = [
  ['indents with one tab per level', 'a {\n  b {\n      c = 1\n  }\n}', 'a {\n\tb {\n\t\tc = 1\n\t}\n}'],
  ['puts one space around `=`', 'a=1', 'a = 1'],
  ['aligns the `=` of consecutive one-line attributes', 'a=1\nlong_name=2', 'a         = 1\nlong_name = 2'],
  ['does not align across a blank line', 'a = 1\n\nlong_name = 2', 'a = 1\n\nlong_name = 2'],
  ['does not align across a comment line', 'a = 1\n// c\nlong_name = 2', 'a = 1\n// c\nlong_name = 2'],
  [
    'does not align across a multi-line attribute',
    'a = [\n1,\n]\nbb = 2\nccc = 3',
    'a = [\n\t1,\n]\nbb  = 2\nccc = 3',
  ],
  ['keeps at most one blank line', 'a=1\n\n\n\nb=2', 'a = 1\n\nb = 2'],
  ['adds no blank line between attributes', 'a = 1\nb = 2', 'a = 1\nb = 2'],
  ['sets a block apart with a blank line', 'a=1\nb {}', 'a = 1\n\nb { }'],
  ['sets consecutive blocks apart', 'b {}\nc {}', 'b { }\n\nc { }'],
  ['drops blank lines after `{` and before `}`', 'b {\n\n a = 1\n\n}', 'b {\n\ta = 1\n}'],
  ['prints an empty block body as `{ }`', 'b {\n\n}', 'b { }'],
  ['normalizes the block header', 'b.c  "x"{\n}', 'b.c "x" { }'],
  ['drops an empty label', 'b "" {}', 'b { }'],
  ['spaces binary operators, not unary ones', 'a = 1+2*-x', 'a = 1 + 2 * -x'],
  ['joins a multi-line binary expression', 'x = 1 +\n  2 ||\n  !y', 'x = 1 + 2 || !y'],
  ['keeps parentheses as written, without inner spaces', 'a = ( a+b )*c', 'a = (a + b) * c'],
  ['writes accesses, indexes and calls tight', 'a = a . b [ 0 ] ( 1 , 2 )', 'a = a.b[0](1, 2)'],
  ['keeps array elements on their line', 'x = [ 1,2 , 3 ]', 'x = [1, 2, 3]'],
  ['indents an element that starts a line', 'x = [1,\n2]', 'x = [1,\n\t2]'],
  ['adds a trailing comma before a `]` on its own line', 'x = [1, 2,\n\n]', 'x = [1, 2,\n]'],
  ['writes objects without spaces inside the braces', 'x = { a = 1, bb = 2 }', 'x = {a = 1, bb = 2}'],
  [
    'aligns object fields on consecutive lines',
    'x = {\na = 1,\nbbb = 2,\n}',
    'x = {\n\ta   = 1,\n\tbbb = 2,\n}',
  ],
  ['keeps call arguments on their line', 'x = f(1,\n2, 3)', 'x = f(1,\n\t2, 3)'],
  [
    'copies literals byte for byte',
    'a = 1.50e+3\nb = "\\x41\\u00e9"\nc = `raw\\n`\nd = null\ne = true',
    'a = 1.50e+3\nb = "\\x41\\u00e9"\nc = `raw\\n`\nd = null\ne = true',
  ],
  ['separates a trailing comment by one space', 'a = 1   // x', 'a = 1 // x'],
  ['aligns trailing comments', 'a = 1 // x\nbb = 22 // yy', 'a  = 1  // x\nbb = 22 // yy'],
  ['removes trailing whitespace', 'a = 1   \nb = 2\t\n', 'a = 1\nb = 2'],
  ['prints nothing for an empty file', '\n\n', ''],
];

/** Edge cases (spec §7.7), upstream behaviour kept. */
const edgeCases: Case[] = [
  ['drops blank lines inside objects', 'x = {\na = 1,\n\nb = 2,\n}', 'x = {\n\ta = 1,\n\tb = 2,\n}'],
  ['prints empty objects as `{}`', 'x = { }\ny = {\n}', 'x = {}\ny = {}'],
  ['prints empty arrays as `[]`', 'x = [ ]\ny = [\n]', 'x = []\ny = []'],
  ['double-indents an inline-opened nested object', 'y = {a = {\nx = 1,\n}}', 'y = {a = {\n\t\tx = 1,\n\t},\n}'],
  [
    'breaks before a field on another line than the previous field name',
    'x = {a = [\n1,\n], b = 2}',
    'x = {a = [\n\t\t1,\n\t],\n\tb = 2}',
  ],
  ['aligns inline objects on consecutive lines', 'x = {a = 1}\ny = {bbb = 2}', 'x = {a   = 1}\ny = {bbb = 2}'],
  ['keeps a space that stops `1 .b` from gluing', 'a = 1 .b', 'a = 1 .b'],
  ['spaces a block comment between tokens', 'x = f(1,/*c*/2)', 'x = f(1, /*c*/ 2)'],
  [
    'does not indent a comment before a new-line first argument',
    'x = f(\n// c\n1)',
    'x = f(\n// c\n\t1)',
  ],
  ['leaves a comment in an empty array at the outer level', 'x = [\n// c\n]', 'x = [\n// c\n]'],
  ['leaves a comment in an empty object at the outer level', 'x = {\n// c\n}', 'x = {\n// c\n}'],
  ['indents a comment in an empty block', 'b {\n// c\n}', 'b {\n\t// c\n}'],
  ['indents a comment before `}` like the body', 'b {\nattr = 5\n// c\n}', 'b {\n\tattr = 5\n\t// c\n}'],
  ['indents comments between array elements', 'x = [\n0,\n// c\n1,\n]', 'x = [\n\t0,\n\t// c\n\t1,\n]'],
  ['lets a comment before a block replace the blank line', 'a = 1\n// c\nb {}', 'a = 1\n// c\nb { }'],
  ['keeps a blank line before a comment', 'a = 1\n\n// c\nb {}', 'a = 1\n\n// c\nb { }'],
  ['keeps a comment on a block header', 'b { // c\n}', 'b { // c\n}'],
  ['caps blank lines around comments at one', '// a\n\n\n\n// b\n\n\n\nx = 1', '// a\n\n// b\n\nx = 1'],
  ['keeps multi-line block comments verbatim', 'b {\n  /* x\n     y */\n  a = 1\n}', 'b {\n\t/* x\n     y */\n\ta = 1\n}'],
  ['prints comments at the end of the file', 'a = 1\n// end\n', 'a = 1\n// end'],
];

/** Upstream bugs that Ingot fixes (spec §9): each output re-parses, to the same tree. */
const fixes: Case[] = [
  // (a) upstream: `f(,\n)`, which does not parse.
  ['prints a call without arguments split over lines as `f()`', 'x = f(\n)', 'x = f()'],
  ['keeps a comment in an empty call', 'x = f(\n// c\n)', 'x = f(\n// c\n)'],
  // (b) upstream re-aligned the TAB (`"x y"`) and trimmed the blanks ending raw-string lines.
  ['keeps a TAB in a string', 'a = "x\ty"\nbb = `p\tq`', 'a  = "x\ty"\nbb = `p\tq`'],
  ['does not align on a TAB in a string', 'a = "x\ty" // c\nbb = 1 // d', 'a  = "x\ty" // c\nbb = 1     // d'],
  ['keeps blanks ending raw-string lines', 'a = `x  \n\ty \t\nz`', 'a = `x  \n\ty \t\nz`'],
  ['keeps an empty line in a raw string', 'b {\n  a = `x\n\n  y`\n}', 'b {\n\ta = `x\n\n  y`\n}'],
  // (c) upstream printed keys with `%q` of the undecoded text: escapes doubled every run.
  ['keeps a quoted key with escapes as written', 'x = {"a\\"b" = 1}', 'x = {"a\\"b" = 1}'],
  ['keeps a quoted key that is not an identifier', 'x = {"a b" = 1, "c.d" = 2}', 'x = {"a b" = 1, "c.d" = 2}'],
  ['double-quotes a raw key that means the same quoted', 'x = {`k` = 1}', 'x = {"k" = 1}'],
  ['keeps a raw key that cannot be double-quoted', 'x = {`say "hi"` = 1}', 'x = {`say "hi"` = 1}'],
  ['keeps the empty key', 'x = {"" = 1}', 'x = {"" = 1}'],
  // (d) upstream printed `)` at the last argument's position, so comments moved across it.
  ['keeps a comment before `)` inside the call', 'x = f(\n  1,\n  // c\n)', 'x = f(\n\t1,\n\t// c\n)'],
  ['keeps a trailing comment after `)` on its line', 'x = f(\n  1,\n) // c\ny = 2', 'x = f(\n\t1,\n) // c\ny = 2'],
  ['keeps a trailing comment after the last argument', 'x = f(\n 1, // c\n)', 'x = f(\n\t1, // c\n)'],
  ['adds no blank line before a comment after a call', 'x = f(\n 1,\n)\n// c', 'x = f(\n\t1,\n)\n// c'],
  ['keeps a comment before `)` of parentheses', 'x = (1 + 2 /* c */)', 'x = (1 + 2 /* c */ )'],
  // Idempotence. Upstream decided alignment from source lines; a statement or field value
  // that the formatter joins onto one line was aligned only on the next run.
  ['aligns after a joined binary expression', 'a = 1 +\n  2\nbb = 1', 'a  = 1 + 2\nbb = 1'],
  ['aligns after an emptied array', 'a = [\n]\nbb = 1', 'a  = []\nbb = 1'],
  ['aligns after a joined call', 'a = f(\n)\nbb = 1', 'a  = f()\nbb = 1'],
  ['aligns fields after a joined value', 'x = {\na = [\n],\nbb = 1,\n}', 'x = {\n\ta  = [],\n\tbb = 1,\n}'],
  // Upstream dropped the break after the added trailing comma when a comment preceded `}`
  // on its line; the next run then removed the comma.
  ['keeps `}` on its own line after a comment', 'a = {x =\n1 /* c */}', 'a = {x = 1, /* c */\n}'],
  [
    'ends the line with a comment before a moved `}`',
    'x = {a = 1, c = // c\n  o /* d */}\nyyy = 1',
    'x = {a = 1, c = // c\n\to,   /* d */\n}\nyyy = 1',
  ],
  // `=`, `,` and `.` have no position in the tree: a comment next to one is placed after it
  // whether or not it touched the previous text (upstream: before it if it did).
  ['places a comment glued to a name after `=`', 'u/* c */= 1', 'u = /* c */ 1'],
  ['places a comment before `=` after it', 'u /* c */ = 1', 'u = /* c */ 1'],
  ['places a comment glued to an element after `,`', 'x = [1/* c */, 2]', 'x = [1, /* c */ 2]'],
];

function describeCases(title: string, cases: Case[]): void {
  describe(title, () => {
    it.each(cases)('%s', (_rule, input, output) => {
      expect(fmt(input)).toBe(output);
    });
    it.each(cases)('is stable: %s', (_rule, input) => {
      expectStable(input);
    });
  });
}

describeCases('canonical style', style);
describeCases('edge cases', edgeCases);
describeCases('fixed upstream bugs', fixes);

describe('format API', () => {
  const expression = (source: string): Expression => {
    const { expression: e, diagnostics } = parseExpression(source);
    expect(diagnostics).toEqual([]);
    return e;
  };

  it('formats an expression', () => {
    expect(format(expression('{ a = [1,2], "b c" = f( x ) }'))).toBe('{a = [1, 2], "b c" = f(x)}');
  });

  it('formats a body, a statement, without comments', () => {
    const file = parse('a = 1 // c\nb {\n  c = 2\n}');
    expect(format(file.body)).toBe('a = 1\n\nb {\n\tc = 2\n}');
    expect(format(file.body[1]!)).toBe('b {\n\tc = 2\n}');
  });

  it('indents every line by `indent` tabs', () => {
    expect(fmt('a = 1\nb {\nc = [\n1,\n]\n}', { indent: 2 })).toBe(
      '\t\ta = 1\n\n\t\tb {\n\t\t\tc = [\n\t\t\t\t1,\n\t\t\t]\n\t\t}',
    );
  });

  it('prints redacted literals as "(secret)"', () => {
    const file = parse('password = "hunter2"\nuser = "me"\nnested = {token = "t", n = 5}');
    const [password, , nested] = file.body as Attribute[];
    const fields = (nested!.value as ObjectExpr).fields;
    const redact = new Set<Expression>([password!.value, fields[0]!.value, fields[1]!.value as Literal]);
    expect(format(file, { redact })).toBe(
      'password = "(secret)"\nuser     = "me"\nnested   = {token = "(secret)", n = "(secret)"}',
    );
  });

  it('formats chains too long to walk recursively', () => {
    const at = { offset: 0, line: 1, column: 1 };
    const span = { start: at, end: at };
    let chain: Expression = { kind: 'Identifier', name: 'f', ...span };
    let sum: Expression = { kind: 'Literal', type: 'number', raw: '1', ...span };
    for (let i = 0; i < 50_000; i++) {
      chain = { kind: 'Call', callee: chain, args: [], lParen: at, ...span };
      chain = { kind: 'Access', value: chain, name: { kind: 'Identifier', name: 'x', ...span }, ...span };
      const right: Literal = { kind: 'Literal', type: 'number', raw: '1', ...span };
      sum = { kind: 'Binary', operator: '+', operatorPos: at, left: sum, right, ...span };
    }
    expect(format(chain)).toBe('f' + '().x'.repeat(50_000));
    expect(format(sum)).toBe('1' + ' + 1'.repeat(50_000));
  });

  it('measures alignment in characters, not bytes', () => {
    expect(fmt('é = 1\nab = 2 // c\nabc = "日本" // d')).toBe('é   = 1\nab  = 2    // c\nabc = "日本" // d');
  });
});
