import { describe, expect, it } from 'vitest';
import { Arguments, EXAMPLE } from '../../test/support/example-schema.js';
import type { Expression } from '../ast/nodes.js';
import { formatDiagnostic } from '../diag/diagnostic.js';
import { scopeOf } from '../eval/scope.js';
import { OptionalSecret, Secret } from '../eval/secret.js';
import { parseFile } from '../parser/parse.js';
import { format } from '../printer/format.js';
import { decodeBlock, decodeBody, type DecodeResult } from './decode-body.js';
import { attr, block, child, children, enumBlocks, mapBlock, type BodySchema } from './schema.js';
import { t } from './types.js';

function parse(source: string, filename = '') {
  const parsed = parseFile(source, { filename });
  expect(parsed.diagnostics).toEqual([]);
  return parsed.file;
}

function decodeFile<S extends BodySchema>(source: string, schema: S, filename = ''): DecodeResult<unknown> {
  return decodeBody(parse(source, filename).body, schema, undefined, { filename });
}

/** Every diagnostic as `file:line:col: message`. */
function errors(result: DecodeResult<unknown>): string[] {
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
}

function value(result: DecodeResult<unknown>): unknown {
  if (!result.ok) expect.fail(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.value;
}

describe('the worked example (spec §5.8)', () => {
  const variant = (from: string, to: string): string => {
    expect(EXAMPLE).toContain(from);
    return EXAMPLE.replace(from, to);
  };
  const decodeExample = (source: string) => decodeFile(source, Arguments, 'example.alloy');

  it('decodes, with defaults where nothing is written', () => {
    const decoded = value(decodeExample(EXAMPLE)) as Record<string, any>;
    expect(decoded).toEqual({
      max_retries: 5,
      endpoint: [
        {
          name: 'primary',
          url: 'http://a:9009',
          timeout: 10_000,
          headers: { 'X-Scope': 't1' },
          basic_auth: { username: 'u', password: expect.any(Secret) },
        },
        { name: 'backup', url: 'http://b:9009', timeout: 30_000 },
      ],
    });
    expect(decoded.endpoint[0].basic_auth.password.reveal()).toBe('p');
    // Declaration order, label first, whatever the source order.
    expect(Object.keys(decoded.endpoint[0])).toEqual(['name', 'url', 'timeout', 'headers', 'basic_auth']);
  });

  it('1: a duration without a unit', () => {
    expect(errors(decodeExample(variant('timeout = "10s"', 'timeout = "10"')))).toEqual([
      'example.alloy:4:13: "10" time: missing unit in duration "10"',
    ]);
  });

  it('2: a labelled block without its label', () => {
    expect(errors(decodeExample(variant('endpoint "primary" {', 'endpoint {')))).toEqual([
      'example.alloy:2:1: block "endpoint" requires non-empty label',
    ]);
  });

  it('3: a missing required attribute, placed on its block (upstream: no position)', () => {
    expect(errors(decodeExample(variant('  url = "http://b:9009"\n', '')))).toEqual([
      'example.alloy:11:1: missing required attribute "url"',
    ]);
  });

  it('4: a number that is a word; 300 into a uint8 wraps without complaint', () => {
    expect(errors(decodeExample(variant('max_retries = 5', 'max_retries = "five"')))).toEqual([
      'example.alloy:1:15: "five" should be number, got string',
    ]);
    expect(value(decodeExample(variant('max_retries = 5', 'max_retries = 300')))).toMatchObject({ max_retries: 44 });
  });

  it('5: an unknown attribute', () => {
    expect(errors(decodeExample(variant('  url     = "http://a:9009"', '  urls = "x"')))).toEqual([
      'example.alloy:3:3: unrecognized attribute name "urls"',
      'example.alloy:2:1: missing required attribute "url"',
    ]);
  });

  it('6: a single block written twice, reported on the first', () => {
    const twice = variant('    password = "p"\n  }\n', '    password = "p"\n  }\n  basic_auth {\n    username = "v"\n  }\n');
    expect(errors(decodeExample(twice))).toEqual(['example.alloy:6:3: block "basic_auth" may only be specified once']);
  });

  it('reports every error of the file at once, in source order', () => {
    const source = [
      'max_retries = "five"',
      'endpoint {',
      '  url     = 1',
      '  timeout = "10"',
      '  urls    = "x"',
      '}',
      'endpoint "b" {',
      '}',
      '',
    ].join('\n');
    expect(errors(decodeExample(source))).toEqual([
      'example.alloy:1:15: "five" should be number, got string',
      'example.alloy:2:1: block "endpoint" requires non-empty label',
      'example.alloy:4:13: "10" time: missing unit in duration "10"',
      'example.alloy:5:3: unrecognized attribute name "urls"',
      'example.alloy:7:1: missing required attribute "url"',
    ]);
  });

  it('redacts the password for the formatter', () => {
    const file = parse(EXAMPLE);
    const result = decodeBody(file.body, Arguments);
    const printed = format(file, { redact: result.redact });
    expect(printed).toContain('password = "(secret)"');
    expect(printed).not.toContain('"p"');
  });
});

describe('statements (spec §5.3)', () => {
  const Schema = block({
    fields: {
      number: attr(t.int),
      name: attr(t.string, { optional: true }),
      child: child(block({ fields: { flag: attr(t.bool) } }), { optional: true }),
      'child.block': children(block({ fields: {} }), { count: 2, optional: true }),
      required_block: child(block({ fields: {} })),
    },
  });
  const decode = (source: string) => errors(decodeFile(source, Schema));

  it('an attribute written twice is reported on its second occurrence', () => {
    expect(decode('number = 1\nnumber = 2\nrequired_block {}')).toEqual([
      '2:1: attribute "number" may only be provided once',
    ]);
  });

  it('a block name used as an attribute, and the reverse', () => {
    expect(decode('number = 1\nchild = 15\nnumber {}\nrequired_block {}')).toEqual([
      '2:1: "child" must be a block, but is used as an attribute',
      '3:1: "number" must be an attribute, but is used as a block',
    ]);
  });

  it('unknown names', () => {
    expect(decode('number = 1\nbogus = 1\nbogus.block {}\nrequired_block {}')).toEqual([
      '2:1: unrecognized attribute name "bogus"',
      '3:1: unrecognized block name "bogus.block"',
    ]);
  });

  it('fixed-count blocks: the count must match, reported once on the first', () => {
    expect(decode('number = 1\nchild.block {}\nrequired_block {}')).toEqual([
      '2:1: block "child.block" must be specified exactly 2 times, but was specified 1 times',
    ]);
    expect(decode('number = 1\nchild.block {}\nchild.block {}\nchild.block {}\nrequired_block {}')).toEqual([
      '2:1: block "child.block" must be specified exactly 2 times, but was specified 3 times',
    ]);
    expect(value(decodeFile('number = 1\nchild.block {}\nchild.block {}\nrequired_block {}', Schema))).toMatchObject({
      'child.block': [{}, {}],
    });
  });

  it('missing required attributes and blocks, in field order; null counts as written', () => {
    expect(decode('name = "x"')).toEqual(['-: missing required attribute "number"', '-: missing required block "required_block"']);
    expect(value(decodeFile('number = null\nrequired_block {}', Schema))).toEqual({ number: 0, required_block: {} });
  });

  it('errors inside nested blocks are reported along with the outer ones', () => {
    expect(decode('number = "x"\nchild {\n  flag = 1\n  other = 2\n}\nrequired_block {}')).toEqual([
      '1:10: "x" should be number, got string',
      '3:10: 1 should be bool, got number',
      '4:3: unrecognized attribute name "other"',
    ]);
  });

  it('an evaluation error is reported where it happens', () => {
    expect(decode('number = nope\nrequired_block {}')).toEqual(['1:10: identifier "nope" does not exist']);
  });
});

describe('labels and map blocks (spec §5.2, §5.4)', () => {
  const Labelled = block({ label: 'name', fields: {} });
  const Unlabelled = block({ fields: {} });

  it('a label goes into its property', () => {
    expect(value(decodeBlock(parse('b "x" {}').body[0] as never, Labelled))).toEqual({ name: 'x' });
  });

  it('refuses a missing, empty or unexpected label, spanning the name to the brace', () => {
    const result = decodeBlock(parse('a.b {}').body[0] as never, Labelled);
    expect(result.ok ? [] : result.diagnostics[0]).toMatchObject({ message: 'block "a.b" requires non-empty label', start: { line: 1, column: 1 }, end: { line: 1, column: 5 } });
    expect(errors(decodeBlock(parse('a.b "" {}').body[0] as never, Labelled))).toEqual(['1:1: block "a.b" requires non-empty label']);
    expect(errors(decodeBlock(parse('a "x" {}').body[0] as never, Unlabelled))).toEqual([
      '1:1: block "a" does not support specifying labels',
    ]);
  });

  it('a map block collects attributes, the last of a repeated one winning', () => {
    const Schema = block({ fields: { settings: child(mapBlock(t.int)) } });
    expect(value(decodeFile('settings {\n  a = 1\n  b = "2"\n  a = 3\n}', Schema))).toEqual({ settings: { a: 3, b: 2 } });
    expect(errors(decodeFile('settings "x" {\n  nested {}\n}', Schema))).toEqual([
      '1:1: block "settings" requires empty label',
      '2:3: nested blocks not supported here',
    ]);
  });
});

describe('enum blocks (spec §5.5)', () => {
  const Schema = block({
    fields: {
      stage: enumBlocks({
        match: block({ fields: { selector: attr(t.string) } }),
        drop: block({ fields: { reason: attr(t.string, { optional: true }) } }),
      }),
    },
  });

  it('keeps source order and allows repetition', () => {
    const source = 'stage.drop {}\nstage.match { selector = "a" }\nstage.drop { reason = "r" }';
    expect(value(decodeFile(source, Schema))).toEqual({
      stage: [
        { kind: 'drop', value: {} },
        { kind: 'match', value: { selector: 'a' } },
        { kind: 'drop', value: { reason: 'r' } },
      ],
    });
  });

  it('is never required, and its own name is not a block', () => {
    expect(value(decodeFile('', Schema))).toEqual({ stage: [] });
    expect(errors(decodeFile('stage {}\nstage.other {}', Schema))).toEqual([
      '1:1: unrecognized block name "stage"',
      '2:1: unrecognized block name "stage.other"',
    ]);
  });
});

describe('validation hooks', () => {
  const Range = block({
    fields: { min: attr(t.int), max: attr(t.int) },
    validate: (range) => (range.min > range.max ? `min (${range.min}) must not exceed max (${range.max})` : undefined),
  });
  const Schema = block({ fields: { range: child(Range) } });

  it('runs on a cleanly decoded block and is reported on that block', () => {
    expect(value(decodeFile('range {\n  min = 1\n  max = 2\n}', Schema))).toEqual({ range: { min: 1, max: 2 } });
    expect(errors(decodeFile('range {\n  min = 3\n  max = 2\n}', Schema))).toEqual(['1:1: min (3) must not exceed max (2)']);
  });

  it('does not run on a block that already failed', () => {
    expect(errors(decodeFile('range {\n  min = 3\n  max = "x"\n}', Schema))).toEqual(['3:9: "x" should be number, got string']);
  });
});

describe('secrets', () => {
  const Schema = block({
    fields: {
      password: attr(t.secret),
      token: attr(t.optionalSecret, { optional: true }),
      passwords: attr(t.array(t.secret), { optional: true }),
      plain: attr(t.string, { optional: true }),
    },
  });

  it('a string becomes a secret; every literal that became one is redacted', () => {
    const file = parse('password  = "hunter2"\ntoken     = "visible"\npasswords = ["a", ("b")]\nplain     = "shown"');
    const result = decodeBody(file.body, Schema);
    const decoded = value(result) as Record<string, any>;
    expect(decoded.password).toBeInstanceOf(Secret);
    expect(decoded.token).toEqual(new OptionalSecret('visible', false));
    const printed = format(file, { redact: result.redact });
    expect(printed).toBe(
      'password  = "(secret)"\ntoken     = "(secret)"\npasswords = ["(secret)", ("(secret)")]\nplain     = "shown"',
    );
    const literals = [...result.redact].map((e: Expression) => e.kind);
    expect(literals).toContain('Literal');
  });

  it('a secret does not become a string', () => {
    const scope = scopeOf({ pw: { type: 'capsule', capsule: new Secret('x') } });
    const result = decodeBody(parse('password = pw\nplain = pw').body, Schema, scope);
    expect(errors(result)).toEqual(['2:9: pw secrets may not be converted into strings']);
  });
});

describe('decodeBody: deferred values', () => {
  const Schema = block({
    fields: { url: attr(t.string), count: attr(t.int), other: attr(t.string, { default: 'x' }) },
    validate: (value) => (value.url === '' ? 'url must not be empty' : undefined),
  });
  const deferred = (expression: Expression) => expression.kind === 'Identifier' || expression.kind === 'Access';

  it('skips what is known only at run time, counts it as provided and does not validate', () => {
    const { file } = parseFile('url = some.component.url\ncount = "many"\n');
    const result = decodeBody(file.body, Schema, undefined, { deferred });
    expect(errors(result)).toEqual(['2:9: "many" should be number, got string']);
  });

  it('still checks names and required fields', () => {
    const { file } = parseFile('url = some.component.url\nnope = 1\n');
    const result = decodeBody(file.body, Schema, undefined, { deferred });
    expect(errors(result)).toEqual(['2:1: unrecognized attribute name "nope"', '-: missing required attribute "count"']);
  });
});
