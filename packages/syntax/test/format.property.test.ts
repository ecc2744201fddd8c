/**
 * Formatter properties over generated syntax trees.
 *
 * A random tree (statements, expressions of every kind, every literal form) is rendered
 * as Alloy source with a random but valid layout: spaces, tabs, line breaks wherever the
 * terminator rule allows them (after an operator, `(`, `[`, `{`, `,`, `=`, `.`), trailing
 * commas where a list closes on its own line, blank lines and comments. Then:
 *
 *   (a) the rendered text parses without diagnostics, to the generated tree;
 *   (b) the formatted text parses without diagnostics, to the same tree and comments;
 *   (c) formatting is idempotent;
 *   (d) every string literal (and quoted key) is printed byte for byte.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  Attribute,
  BinaryOperator,
  Block,
  Expression,
  ObjectField,
  Statement,
  UnaryOperator,
} from '../src/ast/nodes.js';
import { parseExpression, parseFile } from '../src/index.js';
import { format } from '../src/printer/format.js';
import { commentTexts, minimizeSource, stringTexts, stripPositions } from './support/ast-compare.js';
import { mulberry32 } from './support/mulberry32.js';

const TIMEOUT = 20_000;
const NUM_RUNS = 250;

// ---------------------------------------------------------------------------------------
// Trees without positions: the generator's output, and what `stripPositions` leaves of a
// parsed tree.

type Bare<T> = T extends readonly (infer U)[]
  ? readonly Bare<U>[]
  : T extends object
    ? { readonly [K in keyof T as K extends 'start' | 'end' | 'lCurly' | 'labelPos' | 'lBrack' | 'lParen' | 'operatorPos' ? never : K]: Bare<T[K]> }
    : T;

type BExpr = Bare<Expression>;
type BStmt = Bare<Statement>;
type BField = Bare<ObjectField>;

// ---------------------------------------------------------------------------------------
// Generators

/** Identifiers, including Unicode letters and Unicode decimal digits after the first (§1.3). */
const IDENTIFIERS = [
  'a', 'b', 'x', 'foo', 'bar_baz', '_', '_1', 'A9', 'if', 'env', 'local', 'True', 'NULL',
  'é', 'ünï', '名前', 'x۱२', 'ｆｕｌｌ',
];
const identName = fc.oneof(
  fc.constantFrom(...IDENTIFIERS),
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/).filter((s) => !['true', 'false', 'null'].includes(s)),
);
const ident = identName.map((name) => ({ kind: 'Identifier' as const, name }));

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

const numberRaw = fc.oneof(digits(1, 4), digits(1, 40), fc.constant('0'), fc.constant('007'));
const exponent = fc
  .tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 3))
  .map(([e, sign, d]) => e + sign + d);
const floatRaw = fc.oneof(
  fc.tuple(digits(1, 4), digits(0, 4), fc.option(exponent, { nil: '' })).map(([i, f, e]) => `${i}.${f}${e}`),
  fc.tuple(digits(1, 4), fc.option(exponent, { nil: '' })).map(([f, e]) => `.${f}${e}`),
  fc.tuple(digits(1, 4), exponent).map(([i, e]) => i + e),
);

/** Pieces of a double-quoted string: plain characters (a raw TAB too) and every escape. */
const STRING_PIECES = [
  'a', 'Z', '0', ' ', '  ', '\t', 'é', '名', '😀', '#', '$', '{', '}', "'", '`', '/', '*', '//', '/*', '.', '%', '${x}',
  '\\a', '\\b', '\\f', '\\n', '\\r', '\\t', '\\v', '\\\\', '\\"', '\\101', '\\377', '\\000', '\\x41', '\\xff',
  '\\u00e9', '\\u4e2d', '\\U0001F600', '\\U0010FFFF',
];
const quotedContent = fc.array(fc.constantFrom(...STRING_PIECES), { maxLength: 6 }).map((p) => p.join(''));
const quotedString = quotedContent.map((c) => `"${c}"`);

/** Raw strings: no escapes, no backtick, may span lines and hold blanks at line ends. */
const RAW_PIECES = ['a', ' ', '\t', '\n', '  \n', '\t\n', '\\', '\\n', '"', "'", 'é', '😀', '{', '}', '//', '/*', '*/', '\r\n'];
const rawString = fc.array(fc.constantFrom(...RAW_PIECES), { maxLength: 6 }).map((p) => '`' + p.join('') + '`');

const literal: fc.Arbitrary<BExpr> = fc.oneof(
  numberRaw.map((raw) => ({ kind: 'Literal' as const, type: 'number' as const, raw })),
  floatRaw.map((raw) => ({ kind: 'Literal' as const, type: 'float' as const, raw })),
  quotedString.map((raw) => ({ kind: 'Literal' as const, type: 'string' as const, raw })),
  rawString.map((raw) => ({ kind: 'Literal' as const, type: 'string' as const, raw })),
  fc.constantFrom('true', 'false').map((raw) => ({ kind: 'Literal' as const, type: 'bool' as const, raw })),
  fc.constant({ kind: 'Literal' as const, type: 'null' as const, raw: 'null' }),
);

/** How an object key is written; the tree keeps the text between the quotes (§2.1). */
const fieldKey: fc.Arbitrary<{ written: string; name: string; quoted: boolean }> = fc.oneof(
  identName.map((name) => ({ written: name, name, quoted: false })),
  quotedContent.filter((c) => c !== '').map((c) => ({ written: `"${c}"`, name: c, quoted: true })),
  fc
    .array(fc.constantFrom('k', ' ', '"', '\\', '\\n', '\n', 'é', '\t'), { minLength: 1, maxLength: 4 })
    .map((p) => p.join(''))
    .map((c) => ({ written: '`' + c + '`', name: c, quoted: true })),
  fc.constant({ written: '""', name: '""', quoted: false }),
  fc.constant({ written: '``', name: '``', quoted: false }),
);

const BINARY_OPERATORS: readonly BinaryOperator[] = [
  '||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '^',
];
const UNARY_OPERATORS: readonly UnaryOperator[] = ['!', '-'];

/** A field, with how its key is written (kept aside: the tree does not record it). */
interface GenField extends BField {
  readonly written?: string;
}

const { expr: rawExpr } = fc.letrec<{ expr: BExpr }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'expr', withCrossShrink: true },
    literal,
    ident,
    fc.array(tie('expr'), { maxLength: 4 }).map((elements) => ({ kind: 'Array' as const, elements })),
    fc
      .array(fc.tuple(fieldKey, tie('expr')), { maxLength: 4 })
      .map((fields) => ({
        kind: 'Object' as const,
        fields: fields.map(
          ([key, value]): GenField => ({
            name: { kind: 'Identifier', name: key.name },
            quoted: key.quoted,
            value,
            written: key.written,
          }),
        ),
      })),
    fc.tuple(tie('expr'), ident).map(([value, name]) => ({ kind: 'Access' as const, value, name })),
    fc.tuple(tie('expr'), tie('expr')).map(([value, index]) => ({ kind: 'Index' as const, value, index })),
    fc
      .tuple(tie('expr'), fc.array(tie('expr'), { maxLength: 3 }))
      .map(([callee, args]) => ({ kind: 'Call' as const, callee, args })),
    fc
      .tuple(fc.constantFrom(...UNARY_OPERATORS), tie('expr'))
      .map(([operator, operand]) => ({ kind: 'Unary' as const, operator, operand })),
    fc
      .tuple(fc.constantFrom(...BINARY_OPERATORS), tie('expr'), tie('expr'))
      .map(([operator, left, right]) => ({ kind: 'Binary' as const, operator, left, right })),
    tie('expr').map((inner) => ({ kind: 'Paren' as const, inner })),
  ),
}));

const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5, '^': 6,
};

const paren = (inner: BExpr): BExpr => ({ kind: 'Paren', inner });

/**
 * Adds the parentheses a tree needs to be written as it is: binary operands that bind
 * less tightly (or as tightly, on the non-associative side), and binary or unary operands
 * of unary and postfix operators (`-a.b` is `-(a.b)`).
 */
function parenthesize(e: BExpr): BExpr {
  switch (e.kind) {
    case 'Literal':
    case 'Identifier':
      return e;
    case 'Array':
      return { ...e, elements: e.elements.map(parenthesize) };
    case 'Object':
      return { ...e, fields: e.fields.map((f) => ({ ...f, value: parenthesize(f.value) })) };
    case 'Access':
      return { ...e, value: postfixOperand(parenthesize(e.value)) };
    case 'Index':
      return { ...e, value: postfixOperand(parenthesize(e.value)), index: parenthesize(e.index) };
    case 'Call':
      return { ...e, callee: postfixOperand(parenthesize(e.callee)), args: e.args.map(parenthesize) };
    case 'Unary': {
      const operand = parenthesize(e.operand);
      return { ...e, operand: operand.kind === 'Binary' ? paren(operand) : operand };
    }
    case 'Binary': {
      const p = PRECEDENCE[e.operator];
      const rightAssoc = e.operator === '^';
      const left = parenthesize(e.left);
      const right = parenthesize(e.right);
      const needs = (child: BExpr, tighterOnly: boolean): boolean =>
        child.kind === 'Binary' && (tighterOnly ? PRECEDENCE[child.operator] <= p : PRECEDENCE[child.operator] < p);
      return {
        ...e,
        left: needs(left, rightAssoc) ? paren(left) : left,
        right: needs(right, !rightAssoc) ? paren(right) : right,
      };
    }
    case 'Paren':
      return { ...e, inner: parenthesize(e.inner) };
  }
}

function postfixOperand(e: BExpr): BExpr {
  return e.kind === 'Binary' || e.kind === 'Unary' ? paren(e) : e;
}

const expression = rawExpr.map(parenthesize);

const attribute: fc.Arbitrary<BStmt> = fc
  .tuple(ident, expression)
  .map(([name, value]): Bare<Attribute> => ({ kind: 'Attribute', name, value }));

/** A block's label as written: none, `""` (no label either) or a valid identifier. */
const label = fc.oneof(fc.constant(undefined), fc.constant(''), identName);

interface GenBlock extends Bare<Block> {
  readonly writtenLabel?: string | undefined;
}

const { body: bodyArb } = fc.letrec<{ stmt: BStmt; body: readonly BStmt[] }>((tie) => ({
  stmt: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'stmt', withCrossShrink: true },
    attribute,
    fc
      .tuple(fc.array(identName, { minLength: 1, maxLength: 3 }), label, tie('body'))
      .map(([name, writtenLabel, body]): GenBlock => ({ kind: 'Block', name, label: writtenLabel ?? '', body, writtenLabel })),
  ),
  body: fc.array(tie('stmt'), { maxLength: 4 }),
}));

// ---------------------------------------------------------------------------------------
// Rendering with a random layout

/** Comments, with awkward contents: trailing blanks, tabs, quotes, Unicode, empty ones. */
const LINE_COMMENTS = ['// c', '//', '// trailing blanks   ', '//\ttab', '// "q" `r` é 😀', '// a = 1', '//// x'];
const BLOCK_COMMENTS = ['/* c */', '/**/', '/* a ** b */', '/*"q"*/', '/*\ttab */'];
const MULTILINE_COMMENTS = ['/* multi\nline */', '/*\n * doc\n */'];

interface Layout {
  /** Probability of optional line breaks. */
  readonly breaks: number;
  /** Probability of a comment where one is allowed. */
  readonly comments: number;
  readonly seed: number;
}

class Renderer {
  readonly comments: string[] = [];
  private readonly rng: () => number;

  constructor(private readonly layout: Layout) {
    this.rng = mulberry32(layout.seed);
  }

  private chance(p: number): boolean {
    return p > 0 && this.rng() < p;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)]!;
  }

  private comment(kinds: readonly (readonly string[])[]): string {
    const text = this.pick(this.pick(kinds));
    this.comments.push(text);
    return text;
  }

  /** Blanks between two tokens on one line: nothing, spaces, a tab, a block comment. */
  gap(required = false): string {
    if (this.chance(this.layout.comments / 2)) return ` ${this.comment([BLOCK_COMMENTS])} `;
    if (this.layout.breaks === 0) return required ? ' ' : '';
    return this.pick(required ? [' ', '  ', '\t'] : ['', '', ' ', '  ', '\t']);
  }

  /**
   * Whitespace after a token that does not end a line (an operator, `(`, `[`, `{`, `,`,
   * `=`, `.`): line breaks, blank lines and comments of every kind are allowed.
   */
  open(): string {
    let out = this.gap();
    for (let i = 0; i < 3; i++) {
      if (this.chance(this.layout.comments)) {
        out += ` ${this.comment([LINE_COMMENTS, BLOCK_COMMENTS, MULTILINE_COMMENTS])}`;
        if (this.comments.at(-1)!.startsWith('//')) out += '\n';
        out += this.gap();
      } else if (this.chance(this.layout.breaks)) {
        out += this.pick(['\n', '\n\n', '\r\n', '\n\t\t']);
      }
    }
    return out;
  }

  /** A line end after a statement or list element: maybe a trailing comment first. */
  lineEnd(): string {
    let out = '';
    if (this.chance(this.layout.comments)) out += ` ${this.comment([LINE_COMMENTS, BLOCK_COMMENTS])}`;
    out += this.pick(['\n', '\n', '\r\n']);
    while (this.chance(this.layout.breaks / 2)) {
      out += this.chance(this.layout.comments) ? `${this.indent()}${this.comment([LINE_COMMENTS, BLOCK_COMMENTS, MULTILINE_COMMENTS])}\n` : '\n';
    }
    return out + this.indent();
  }

  private indent(): string {
    return this.layout.breaks === 0 ? '' : this.pick(['', '\t', '  ', ' \t']);
  }

  /** A list: `[`, `(`, or `{` (fields), its items, and the closing bracket. */
  private list(open: string, items: readonly (() => string)[], close: string): string {
    let out = open;
    let ownLine = false;
    items.forEach((item, i) => {
      if (i > 0) out += this.gap() + ',';
      ownLine = this.chance(this.layout.breaks);
      out += ownLine ? this.lineEnd() : i === 0 ? this.open() : this.gap(false);
      out += item(); // rendered in place, so comments are recorded in source order
    });
    if (items.length > 0 && this.chance(this.layout.breaks)) {
      // Closing on its own line needs the trailing comma (terminator rule, §1.8).
      out += this.gap() + ',' + this.lineEnd();
    } else if (items.length > 0) {
      out += this.gap() + (this.chance(0.3) ? ',' + this.gap() : '');
    } else {
      out += this.open();
    }
    return out + close;
  }

  expr(e: BExpr): string {
    switch (e.kind) {
      case 'Literal':
      case 'Identifier':
        return e.kind === 'Literal' ? e.raw : e.name;
      case 'Array':
        return this.list('[', e.elements.map((x) => () => this.expr(x)), ']');
      case 'Object':
        return this.list(
          '{',
          e.fields.map((f) => () => `${(f as GenField).written ?? f.name.name}${this.gap()}=${this.open()}${this.expr(f.value)}`),
          '}',
        );
      case 'Access': {
        const value = this.expr(e.value);
        // `1.b` would scan as the float `1.` (§1.4): a NUMBER needs a blank before the dot.
        const glue = e.value.kind === 'Literal' && e.value.type === 'number';
        return `${value}${this.gap(glue)}.${this.open()}${e.name.name}`;
      }
      case 'Index':
        return `${this.expr(e.value)}${this.gap()}[${this.open()}${this.expr(e.index)}${this.gap()}]`;
      case 'Call':
        return `${this.expr(e.callee)}${this.gap()}${this.list('(', e.args.map((x) => () => this.expr(x)), ')')}`;
      case 'Unary':
        return `${e.operator}${this.open()}${this.expr(e.operand)}`;
      case 'Binary': {
        const left = this.expr(e.left);
        // ` ` around `/` keeps `/ /* c */` and `a/ -b`... from gluing into comments.
        return `${left}${this.gap(true)}${e.operator}${this.open() || ' '}${this.expr(e.right)}`;
      }
      case 'Paren':
        return `(${this.open()}${this.expr(e.inner)}${this.gap()})`;
    }
  }

  statement(s: BStmt): string {
    if (s.kind === 'Attribute') return `${s.name.name}${this.gap()}=${this.open()}${this.expr(s.value)}`;
    const block = s as GenBlock;
    let header = block.name.join('.');
    if (block.writtenLabel !== undefined) header += `${this.gap(true)}"${block.writtenLabel}"`;
    header += this.gap() + '{';
    if (block.body.length === 0) {
      const inside = this.rng();
      return header + (inside < 0.3 ? '' : inside < 0.6 ? ' ' : this.lineEnd()) + '}';
    }
    if (block.body.length === 1 && !this.chance(this.layout.breaks)) {
      return `${header} ${this.statement(block.body[0]!)} }`;
    }
    return `${header}${this.lineEnd()}${this.body(block.body)}${this.lineEnd()}}`;
  }

  body(stmts: readonly BStmt[]): string {
    return stmts.map((s, i) => (i > 0 ? this.lineEnd() : '') + this.statement(s)).join('');
  }

  file(stmts: readonly BStmt[]): string {
    let out = '';
    if (this.chance(this.layout.comments)) out += `${this.comment([LINE_COMMENTS, MULTILINE_COMMENTS])}\n`;
    out += this.body(stmts);
    // A blank after a final `//` comment would be part of it: only line breaks there.
    const ends = this.chance(this.layout.comments);
    if (ends) out += this.lineEnd() + this.comment([LINE_COMMENTS, BLOCK_COMMENTS]);
    if (this.chance(0.5)) out += this.pick(ends ? ['\n', '\n\n', '\r\n'] : ['\n', '\n\n', ' ', '\r\n']);
    return out;
  }
}

const layout: fc.Arbitrary<Layout> = fc.oneof(
  fc.constant({ breaks: 0, comments: 0, seed: 0 }),
  fc.record({
    breaks: fc.constantFrom(0, 0.2, 0.5),
    comments: fc.constantFrom(0, 0.1, 0.3),
    seed: fc.integer(),
  }),
);

interface Case {
  readonly body: readonly BStmt[];
  readonly source: string;
  readonly comments: readonly string[];
}

const sourceCase: fc.Arbitrary<Case> = fc.tuple(bodyArb, layout).map(([body, l]) => {
  const r = new Renderer(l);
  const source = r.file(body);
  return { body, source, comments: r.comments };
});

/** The generated tree as the parser should build it: without the rendering hints. */
function expectedTree(tree: readonly BStmt[] | BExpr): unknown {
  return JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'written' || key === 'writtenLabel' ? undefined : value)));
}

// ---------------------------------------------------------------------------------------
// Properties

function parseClean(source: string) {
  const result = parseFile(source);
  expect(result.diagnostics, `source:\n${source}`).toEqual([]);
  return result.file;
}

/** Whether a clean `source` formats to text that does not parse to the same tree and comments. */
function changesMeaning(source: string): boolean {
  const { file, diagnostics } = parseFile(source);
  if (diagnostics.length > 0) return false;
  const again = parseFile(format(file));
  return (
    again.diagnostics.length > 0 ||
    JSON.stringify(stripPositions(again.file.body)) !== JSON.stringify(stripPositions(file.body)) ||
    JSON.stringify(commentTexts(again.file)) !== JSON.stringify(commentTexts(file))
  );
}

/** Whether a clean `source` formats to text that formats differently again. */
function notIdempotent(source: string): boolean {
  const { file, diagnostics } = parseFile(source);
  if (diagnostics.length > 0) return false;
  const once = format(file);
  const again = parseFile(once);
  return again.diagnostics.length === 0 && format(again.file) !== once;
}

/** Fails with the smallest text (found by deleting characters) that still breaks `property`. */
function reportMinimal(what: string, source: string, property: (s: string) => boolean): never {
  const minimal = minimizeSource(source, property);
  const once = format(parseFile(minimal).file);
  const again = parseFile(once);
  expect.fail(
    `${what}\nminimal source: ${JSON.stringify(minimal)}\nformatted:      ${JSON.stringify(once)}\n` +
      `diagnostics:    ${JSON.stringify(again.diagnostics.map((d) => d.message))}\n` +
      `formatted again: ${JSON.stringify(format(again.file))}\noriginal source:\n${source}`,
  );
}

describe('formatter properties over generated trees', () => {
  it(
    '(a) the generated source parses without diagnostics to the generated tree',
    () => {
      fc.assert(
        fc.property(sourceCase, ({ body, source, comments }) => {
          const file = parseClean(source);
          expect(stripPositions(file.body), `source:\n${source}`).toEqual(expectedTree(body));
          expect(commentTexts(file)).toEqual(comments);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    '(b) the formatted source parses to the same tree and comments',
    () => {
      fc.assert(
        fc.property(sourceCase, ({ body, source, comments }) => {
          const formatted = format(parseClean(source));
          if (changesMeaning(source)) reportMinimal('formatting changes the tree or comments', source, changesMeaning);
          const file = parseClean(formatted);
          expect(stripPositions(file.body), `source:\n${source}\nformatted:\n${formatted}`).toEqual(expectedTree(body));
          expect(commentTexts(file), `source:\n${source}\nformatted:\n${formatted}`).toEqual(comments);
        }),
        // No shrinking through the generator (a layout is a function of the whole tree):
        // the failing text is minimised directly instead, see `reportMinimal`.
        { numRuns: NUM_RUNS, endOnFailure: true },
      );
    },
    TIMEOUT,
  );

  it(
    '(c) formatting is idempotent',
    () => {
      fc.assert(
        fc.property(sourceCase, ({ source }) => {
          if (notIdempotent(source)) reportMinimal('formatting is not idempotent', source, notIdempotent);
        }),
        { numRuns: NUM_RUNS, endOnFailure: true },
      );
    },
    TIMEOUT,
  );

  it(
    '(d) string literals and quoted keys are printed byte for byte',
    () => {
      fc.assert(
        fc.property(sourceCase, ({ source }) => {
          const file = parseClean(source);
          const formatted = format(file);
          const strings = stringTexts(file.body);
          expect(stringTexts(parseClean(formatted).body), `source:\n${source}\nformatted:\n${formatted}`).toEqual(strings);
          for (const s of strings) {
            if (!s.startsWith('key:')) expect(formatted).toContain(s);
          }
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    '(e) a formatted expression parses back to the same expression',
    () => {
      fc.assert(
        fc.property(expression, (e) => {
          const source = new Renderer({ breaks: 0, comments: 0, seed: 0 }).expr(e);
          const parsed = parseExpression(source);
          expect(parsed.diagnostics, source).toEqual([]);
          const formatted = format(parsed.expression);
          const again = parseExpression(formatted);
          expect(again.diagnostics, formatted).toEqual([]);
          expect(stripPositions(again.expression), formatted).toEqual(expectedTree(e));
          expect(format(again.expression)).toBe(formatted);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );
});

/**
 * Minimal inputs found by the properties above (by `minimizeSource`), kept as regression
 * cases. Ingot promises idempotence (spec §9); each group names the mechanism.
 */
describe('formatter: minimal cases found by the properties', () => {
  const idempotent = (source: string): void => {
    const once = format(parseClean(source));
    expect(format(parseClean(once)), `first output:\n${once}`).toBe(once);
  };

  // Upstream ends an alignment segment after a statement (or object field) that spans
  // several *source* lines. When the formatter joins it onto one line (a binary expression
  // or a value broken after `=` or an operator, an empty list opened and closed on
  // different lines), a second run sees a one-line statement and aligns it with its
  // neighbour, unless the segment is decided by output lines.
  it.each([
    'a = 1 +\n  2\nbb = 1',
    'a =\n  1\nbb = 1',
    'a = [\n]\nbb = 1',
    'a = {\n}\nbb = 1',
    'a = f(\n)\nbb = 1',
    'b {\n  x = 1 +\n 2\n  yy = 1\n}',
    'a = {\nx = 1 +\n2,\nyyy = 2,\n}',
    'a = {x = 0 /\n1, y = 0}',
  ])('alignment decided by source lines: %j', idempotent);

  // The closing `}` was on another line than the last field's name, so the printer adds a
  // trailing comma and moves `}` to a line of its own. A block comment before `}` was
  // followed by `}` on its line, so it is separated by a space (or printed before the
  // comma); the next run sees it at the end of its line and aligns it (a tab cell) with the
  // trailing comment above, or moves it after the comma.
  it.each([
    'w = {a = //\n6 /**/}',
    'w = {a = //\n6/**/}',
    'a = {x =\n1 /* c */}',
    'a = {x = [\n] /* c */}',
    '_ = [{f =\n9 /**/}]',
  ])('comment before a closing brace that moves to its own line: %j', idempotent);

  // `=`, `,` and `.` have no source position: the printer places them right after the
  // previous text. A block comment that touches that text in the source (`a/**/= 1`) is
  // printed before the token, with a space (`a /**/ = 1`); in that output the comment no
  // longer touches `a`, so the next run prints it after the token (`a = /**/ 1`).
  it.each(['a/**/= 1', 'x = {a/**/= 1}', 'x = [1/**/, 2]', 'x = f(1/**/, 2)', 'x = a/**/.b'])(
    'block comment touching the text before a token without position: %j',
    idempotent,
  );

  // The tabwriter puts leading indentation cells and text cells in the same column when a
  // line starts at a lower indentation than its neighbours (the continuation line of a raw
  // string, a comment after `(`): the indentation can widen to that column (two tabs per
  // level), differently from one run to the next.
  it.each(['a {\n  b { f = 1 }\n  x = `\n`[{long_key = 1}]\n}', 'a{a=("")({\n``=0/\n"",``=0},(//\n0||``),//\n)}'])(
    'indentation widened by tabwriter columns: %j',
    idempotent,
  );
});
