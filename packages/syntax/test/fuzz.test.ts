/**
 * Robustness: whatever bytes it is given, the parser returns diagnostics instead of
 * throwing, every diagnostic points into the input, and whatever parses cleanly can be
 * formatted into text that parses cleanly again and formats to itself.
 *
 * Every property has a bounded number of runs, every input a bounded size, and every test
 * a timeout, so the file stays well under ten seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { File } from '../src/ast/nodes.js';
import type { Diagnostic } from '../src/diag/diagnostic.js';
import { parseExpression, parseFile } from '../src/index.js';
import { format } from '../src/printer/format.js';
import type { Position } from '../src/source/position.js';
import { decodeSourceText, encodeSourceText } from '../src/source/source-text.js';
import { commentTexts, stripPositions } from './support/ast-compare.js';

const FILENAME = 'fuzz.alloy';
const TIMEOUT = 20_000;

// ---------------------------------------------------------------------------------------
// Checks

/** The input as the bytes positions count: a string is read as its UTF-8 encoding. */
function bytesOf(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? encodeSourceText(decodeSourceText(input)) : input;
}

/** Byte offsets at which lines start (only `\n` starts a line). */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return starts;
}

function checkPosition(what: string, pos: Position, byteLength: number, starts: number[]): void {
  expect(Number.isInteger(pos.offset), `${what}: integer offset`).toBe(true);
  expect(pos.line, `${what}: line`).toBeGreaterThanOrEqual(1);
  expect(pos.column, `${what}: column`).toBeGreaterThanOrEqual(1);
  expect(pos.offset, `${what}: offset`).toBeGreaterThanOrEqual(0);
  expect(pos.offset, `${what}: offset within ${byteLength} bytes`).toBeLessThanOrEqual(byteLength);
  // Line and column agree with the offset (both count bytes, §3).
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= pos.offset) line++;
  expect({ line: pos.line, column: pos.column }, `${what}: line/column of offset ${pos.offset}`).toEqual({
    line: line + 1,
    column: pos.offset - starts[line]! + 1,
  });
}

function checkDiagnostics(input: string | Uint8Array, diagnostics: unknown): asserts diagnostics is Diagnostic[] {
  expect(Array.isArray(diagnostics)).toBe(true);
  const bytes = bytesOf(input);
  const starts = lineStarts(bytes);
  for (const d of diagnostics as Diagnostic[]) {
    const what = `${d.start?.line}:${d.start?.column} ${JSON.stringify(d.message)}`;
    expect(typeof d.message, what).toBe('string');
    expect(d.message.length, what).toBeGreaterThan(0);
    expect(['error', 'warning'], what).toContain(d.severity);
    expect(d.file, what).toBe(FILENAME);
    checkPosition(`${what} (start)`, d.start, bytes.length, starts);
    if (d.end !== undefined) {
      checkPosition(`${what} (end)`, d.end, bytes.length, starts);
      expect(d.end.offset, `${what}: end not before start`).toBeGreaterThanOrEqual(d.start.offset);
    }
  }
}

/** Every position in the tree (nodes, brackets, operators, comments) agrees with its offset. */
function checkTreePositions(input: string | Uint8Array, file: File): void {
  const bytes = bytesOf(input);
  const starts = lineStarts(bytes);
  const visit = (value: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null) return;
    if (isPosition(value)) {
      checkPosition(`tree position ${path}`, value, bytes.length, starts);
      return;
    }
    for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
  };
  visit(file.body, 'body');
  visit(file.comments, 'comments');
}

function isPosition(value: object): value is Position {
  return 'offset' in value && 'line' in value && 'column' in value;
}

/**
 * Parses `input` as a file and as an expression; neither may throw and both must report
 * well-formed diagnostics. A clean file must survive the formatter: the output parses
 * cleanly to the same tree and comments, and formatting it again changes nothing.
 * Returns whether the file parsed cleanly. For `deep` inputs, the trees are not compared:
 * the comparison itself would recurse as deep as the tree.
 */
function checkInput(input: string | Uint8Array, { deep = false } = {}): boolean {
  const { file, diagnostics } = parseFile(input, { filename: FILENAME });
  checkDiagnostics(input, diagnostics);
  const expression = parseExpression(input, { filename: FILENAME });
  checkDiagnostics(input, expression.diagnostics);
  expect(expression.expression).toBeDefined();

  if (!deep) checkTreePositions(input, file);
  if (diagnostics.length > 0) return false;
  const formatted = format(file);
  expect(typeof formatted).toBe('string');
  const again = parseFile(formatted, { filename: FILENAME });
  expect(again.diagnostics, `formatted output:\n${formatted}`).toEqual([]);
  if (!deep) expect(stripPositions(again.file.body), `formatted output:\n${formatted}`).toEqual(stripPositions(file.body));
  expect(commentTexts(again.file)).toEqual(commentTexts(file));
  expect(format(again.file), 'idempotence').toBe(formatted);
  return true;
}

// ---------------------------------------------------------------------------------------
// Inputs

/** Hand-written valid configurations, mutated below. */
const VALID_CONFIGS: readonly string[] = [
  `// Scrape and forward profiles.
logging {
  level  = "debug"
  format = "logfmt"
}

pyroscope.scrape "default" {
  targets    = [{"__address__" = "localhost:4040", "service_name" = "app"}]
  forward_to = [pyroscope.write.backend.receiver]
  scrape_interval = "15s" // trailing comment
}

pyroscope.write "backend" {
  endpoint {
    url = env("PYROSCOPE_URL")
    headers = {
      "X-Scope-OrgID" = "tenant-1",
      authorization   = string.format("Bearer %s", local.file.token.content),
    }
  }
  external_labels = { env = "prod", region = sys.env("REGION") }
}
`,
  `a = 1 + 2 * 3 - -4 / 5 % 6 ^ 7 ^ 8
b = !true || false && 1 == 2 != (3 < 4) && 5 <= 6 || 7 > 8 || 9 >= 10
c = [1, 2.5, .5, 1e3, 1.5E-3, "s", \`raw
string\`, null, true]
d = x.y[0]["k"](1, 2)(3).z
e = {
  a = 1,
  "b c" = [
    1,
    2, /* inline */ 3,
  ],
  \`raw key\` = f(
    "\\t\\n\\x41\\u00e9\\U0001F600\\101",
  ),
}
/* block
   comment */
blk.sub.deep "lbl" { }
`,
  `outer {
	inner "x" {
		v = ((1))
		w = a.b.c.d
	}

	// own-line comment

	list = [
		// leading
		"one",
		"two",
		// trailing
	]
}
empty {}
call = f(
)
obj = {}
arr = []
`,
];

const TOKENS: readonly string[] = [
  'a', 'b', 'foo', 'x.y', 'blk', 'true', 'false', 'null', '0', '1', '42', '1.5', '.5', '1e3', '1E+', '"s"', '"\\n"',
  '"\\q"', '"\\x4"', '`raw`', '`', '"', "'x'", '=', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '^', '!',
  '&&', '||', '&', '|', '{', '}', '[', ']', '(', ')', ',', '.', '\n', '\n\n', ' ', '\t', '\r\n', '// c\n', '/* c */',
  '/*', '*/', '#', '$', '…', '\u00a0', '\ufeff', '\0',
];

const ALPHABET = [...'{}[]()=,."\'`/*\n\t\r\\ abcxyz019+-!&|<>^%#'];

/** Strings over an Alloy-ish alphabet. */
const alloyishString = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 80 });

/** Token soup with random separators. */
const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom('', ' ', '\n')), { maxLength: 40 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

const BOM = [0xef, 0xbb, 0xbf];
const SPECIAL_BYTES: readonly (readonly number[])[] = [
  BOM,
  [0x00],
  [0xff],
  [0xfe, 0xff],
  [0x80], // lone continuation byte
  [0xc3], // truncated 2-byte sequence
  [0xe2, 0x82], // truncated 3-byte sequence
  [0xc0, 0x80], // overlong NUL
  [0xed, 0xa0, 0x80], // encoded surrogate
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xf0, 0x9f, 0x98, 0x80], // 😀
  [0xc3, 0xa9], // é
  [0x0d, 0x0a],
  [0x0a],
  [0x22], // "
  [0x60], // `
];

/** Random bytes, mixed with the troublesome sequences above and pieces of valid Alloy. */
const byteSoup = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.constantFrom(...SPECIAL_BYTES).map((b) => Uint8Array.from(b)),
      fc.constantFrom(...TOKENS, 'a = ', 'b { ', '}\n').map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
    ),
    { maxLength: 24 },
  )
  .map((chunks) => new Uint8Array(Buffer.concat(chunks)));

type Mutation =
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'replace'; readonly at: number; readonly length: number; readonly text: string };

const mutationText = fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(...ALPHABET));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: mutationText }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    op: fc.constant('replace' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 3 }),
    text: mutationText,
  }),
);

function mutate(source: string, mutations: readonly Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const at = m.at % (s.length + 1);
    if (m.op === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + m.length);
    else s = s.slice(0, at) + m.text + s.slice(at + m.length);
  }
  return s;
}

const mutant = fc
  .tuple(fc.constantFrom(...VALID_CONFIGS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([base, mutations]) => mutate(base, mutations));

// ---------------------------------------------------------------------------------------
// Properties

describe('parser robustness (fuzz)', () => {
  it('the hand-written configurations are valid and survive the formatter', () => {
    for (const config of VALID_CONFIGS) {
      expect(parseFile(config).diagnostics).toEqual([]);
      expect(checkInput(config)).toBe(true);
      expect(checkInput(Buffer.from(config.replaceAll('\n', '\r\n')))).toBe(true);
    }
  });

  it(
    'random bytes (invalid UTF-8, NUL, 0xFF, BOMs anywhere)',
    () => {
      fc.assert(
        fc.property(byteSoup, (bytes) => {
          checkInput(bytes);
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );

  it(
    'random strings over an Alloy-ish alphabet',
    () => {
      fc.assert(
        fc.property(alloyishString, (source) => {
          checkInput(source);
        }),
        { numRuns: 400 },
      );
    },
    TIMEOUT,
  );

  it(
    'token soup',
    () => {
      fc.assert(
        fc.property(tokenSoup, (source) => {
          checkInput(source);
        }),
        { numRuns: 400 },
      );
    },
    TIMEOUT,
  );

  it(
    'arbitrary strings (lone surrogates included) and their UTF-8 bytes give the same diagnostics',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), (a, b) => {
          checkInput(a);
          const source = b + a.replace(/[\ud800-\udfff]/gu, '');
          checkInput(source);
          const fromString = parseFile(source, { filename: FILENAME }).diagnostics;
          const fromBytes = parseFile(Buffer.from(source, 'utf8'), { filename: FILENAME }).diagnostics;
          expect(fromBytes).toEqual(fromString);
        }),
        { numRuns: 200 },
      );
    },
    TIMEOUT,
  );

  it(
    'mutations of valid configurations',
    () => {
      let clean = 0;
      fc.assert(
        fc.property(mutant, (source) => {
          if (checkInput(source)) clean++;
        }),
        { numRuns: 400 },
      );
      // Some mutations (inserted spaces, comments, newlines) keep the file valid; those
      // exercise the formatter on layouts nobody wrote by hand.
      expect(clean).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});

describe('parser robustness: edge cases', () => {
  const cases: Record<string, string> = {
    // Inputs from upstream's fuzz corpus.
    'fuzz corpus 1': 'A0000000000000000',
    'fuzz corpus 2': 'A={A!0A"',
    'fuzz corpus 3': 'A"',
    empty: '',
    'only a BOM': '\ufeff',
    'BOM then config': '\ufeffa = 1',
    'BOM mid-file': 'a = 1\n\ufeffb = 2',
    'BOM inside a string': 'a = "x\ufeffy"',
    'NUL in an identifier': 'ab\0cd = 1',
    'NUL in a comment': '// a\0b\na = 1',
    'unterminated string': 'a = "abc',
    'unterminated string at a newline': 'a = "abc\nb = 1',
    'unterminated string after an escape': 'a = "abc\\',
    'unterminated escape': 'a = "\\x4',
    'unterminated raw string': 'a = `abc\ndef',
    'unterminated block comment': 'a = 1 /* abc\n',
    'unterminated block comment in a block': 'b {\n/*',
    'unterminated single-quoted string': "a = 'abc",
    'lone | and &': 'a = b | c & d',
    'exponent without digits': 'a = 1e+',
    'huge integer': `a = 1${'0'.repeat(500)}`,
    'huge exponent': 'a = 1e999999',
    'huge negative exponent': 'a = 1e-999999',
    'long identifier': `${'a'.repeat(10_000)} = 1`,
    'long string': `a = "${'x'.repeat(10_000)}"`,
    'many statements': 'a = 1\n'.repeat(2_000),
    'many errors': '= = =\n'.repeat(500),
    'unclosed everything': 'a = [ { ( f ( x [',
    'closers only': ')]}'.repeat(100),
    'CR only line endings': 'a = 1\rb = 2\r',
    // The label is reported as a span; its end must be on the label's last line.
    'multi-line raw string as an attribute label': 'a `x\ny` = 1',
  };

  it.each(Object.entries(cases))('%s', (_, source) => {
    checkInput(source);
    checkInput(Buffer.from(source, 'utf8'));
  });

  // The attribute-name diagnostics span the offending name or label; `end` is the
  // position of its last byte (§3), counted in UTF-8 bytes and on the line where it is.
  it.each([
    ['a "x" = 1', 2, 4],
    ['a.b = 1', 0, 2],
    ['a "é" = 1', 2, 5],
    ['é.b = 1', 0, 3],
    ['a `名` = 1', 2, 6],
    ['a `x\ny` = 1', 2, 6],
  ] as const)('span of the attribute-name diagnostic in %j', (source, startOffset, endOffset) => {
    const d = parseFile(source).diagnostics.find((diag) => diag.message.startsWith('attribute names'));
    expect(d).toBeDefined();
    expect([d!.start.offset, d!.end?.offset]).toEqual([startOffset, endOffset]);
    checkInput(source);
  });

  it('error positions of the fuzz corpus inputs', () => {
    const at = (source: string): string[] =>
      parseFile(source).diagnostics.map((d) => `${d.start.line}:${d.start.column}: ${d.message}`);
    expect(at('A"')[0]).toBe('1:2: string literal not terminated');
    expect(at('A={A!0A"')).toContain('1:8: string literal not terminated');
    expect(at('A0000000000000000').length).toBeGreaterThan(0);
  });
});

describe('parser robustness: deep nesting and long chains', () => {
  const N = 10_000;
  const deep: Record<string, string> = {
    '10,000 [': '['.repeat(N),
    'a = 10,000 [': `a = ${'['.repeat(N)}`,
    'a = 10,000 balanced []': `a = ${'['.repeat(N)}${']'.repeat(N)}`,
    'a = 10,000 {': `a = ${'{a='.repeat(N)}1${'}'.repeat(N)}`,
    'a = 10,000 (': `a = ${'('.repeat(N)}1${')'.repeat(N)}`,
    'a = 10,000 f(': `a = ${'f('.repeat(N)}${')'.repeat(N)}`,
    'a = 10,000 x[': `a = ${'x['.repeat(N)}0${']'.repeat(N)}`,
    'a = 10,000 -': `a = ${'-'.repeat(N)}1`,
    'a = 10,000 !': `a = ${'!'.repeat(N)}x`,
    'a = mixed brackets': `a = ${'[(-{a=!'.repeat(N / 5)}`,
    '10,000 nested blocks': `${'b {\n'.repeat(N)}${'}\n'.repeat(N)}`,
    '10,000 unclosed blocks': 'b {\n'.repeat(N),
    '10,000 +': `a = ${'1 + '.repeat(N)}1`,
    '10,000 ^ (right associative)': `a = ${'2 ^ '.repeat(N)}2`,
    '10,000 ||': `a = ${'x || '.repeat(N)}x`,
    '10,000 mixed operators': `a = ${'1 + 2 * 3 ^ '.repeat(N / 3)}1`,
    '10,000 trailing operators': `a = 1${' +'.repeat(N)}`,
    '10,000 operators over lines': `a = 1${' +\n1'.repeat(N)}`,
  };

  it.each(Object.entries(deep))(
    '%s',
    (_, source) => {
      checkInput(source, { deep: true });
    },
    TIMEOUT,
  );

  // A chain of accesses, indexes or calls is as deep a tree as the binary-operator chains
  // that MAX_TREE_DEPTH limits, but the parser does not count it: whatever accepts such a
  // tree (the formatter here) must not spend a stack frame per link.
  const postfix: Record<string, string> = {
    '10,000 .b': `a = x${'.b'.repeat(N)}`,
    '10,000 [0]': `a = x${'[0]'.repeat(N)}`,
    '10,000 ()': `a = f${'()'.repeat(N)}`,
  };

  it.each(Object.entries(postfix))(
    'postfix chain of %s: rejected with a diagnostic, or formatted',
    (_, source) => {
      checkInput(source, { deep: true });
    },
    TIMEOUT,
  );

  it('the limits still accept what they promise to', () => {
    expect(parseFile(`a = ${'['.repeat(99)}${']'.repeat(99)}`).diagnostics).toEqual([]);
    expect(parseFile(`a = ${'1 + '.repeat(998)}1`).diagnostics).toEqual([]);
    expect(checkInput(`a = ${'1 + '.repeat(998)}1`)).toBe(true);
    expect(checkInput(`a = ${'2 ^ '.repeat(998)}2`)).toBe(true);
    expect(checkInput(`${'b {\n'.repeat(99)}${'}\n'.repeat(99)}`)).toBe(true);
  });
});
