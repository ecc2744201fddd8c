import { describe, expect, it } from 'vitest';
import { optionalSecretValue, secretValue } from '../eval/secret.js';
import { evalText, evalValue } from '../../test/support/stdlib-eval.js';
import { goArch, goOs, normalizeVersion } from './constants.js';
import { joinPath } from './file/path-join.js';
import { createStdlib, DEPRECATED_IDENTIFIERS, stdlibIdentifier } from './identifiers.js';
import { EXPERIMENTAL_IDENTIFIERS, stabilityError } from './stability.js';
import { posix, win32 } from 'node:path';

describe('the identifier table', () => {
  it('has the 9 namespaces and the 16 deprecated aliases', () => {
    const names = [...createStdlib().keys()].sort();
    expect(names).toHaveLength(25);
    for (const alias of DEPRECATED_IDENTIFIERS.keys()) expect(names).toContain(alias);
  });

  it('aliases are the very functions they replace', () => {
    for (const [alias, replacement] of DEPRECATED_IDENTIFIERS) {
      const [space, member] = replacement.split('.') as [string, string];
      const ns = stdlibIdentifier(space);
      expect(ns?.type === 'object' && ns.fields.get(member)).toBe(stdlibIdentifier(alias));
    }
  });

  it.each([
    ['string.nope', 'error: 1:8: field "nope" does not exist'],
    ['string("x")', 'error: 1:1: string should be function, got object'],
    ['constants()', 'error: 1:1: constants should be function, got object'],
    ['string["join"](["a", "b"], "-")', '"a-b"'],
  ])('%s', (expr, expected) => expect(evalText(expr)).toBe(expected));
});

describe('stability', () => {
  it('lists the experimental functions and words the gate as upstream', () => {
    expect(EXPERIMENTAL_IDENTIFIERS).toEqual(['array.combine_maps', 'array.group_by']);
    expect(stabilityError('array.combine_maps', 'experimental', 'generally-available')).toBe(
      'array.combine_maps is at stability level "experimental", which is below the minimum allowed stability level ' +
        '"generally-available". Use --stability.level command-line flag to enable "experimental" features',
    );
  });
});

describe('coalesce', () => {
  it.each([
    ['coalesce()', 'null'],
    ['coalesce("a", "b")', '"a"'],
    ['coalesce("", "b")', '"b"'],
    ['coalesce(0, 1, 2)', '1'],
    ['coalesce(false, true)', 'true'],
    ['coalesce([], ["fallback"])', '["fallback"]'],
    ['coalesce(encoding.from_json("{}"), false)', 'false'],
    ['coalesce([], null)', 'null'],
    ['coalesce("", 0)', '0'],
    ['coalesce(-0.0, 1)', '-0'],
    ['coalesce(0.0, 1)', '1'],
    ['coalesce(sys.env("DOES_NOT_EXIST"), "c")', '"c"'],
  ])('%s', (expr, expected) => expect(evalText(expr)).toBe(expected));

  it('an empty secret is empty, and a secret stays a secret', () => {
    const variables = { empty: secretValue(''), full: secretValue('x'), plain: optionalSecretValue('', false) };
    expect(evalText('coalesce(empty, plain, "b")', { variables })).toBe('"b"');
    expect(evalValue('coalesce(empty, full)', { variables })).toBe(variables.full);
  });
});

describe('sys.env', () => {
  const environment = { TEST_VAR: 'Hello!', '1': 'one', EMPTY: '' };

  it.each([
    ['sys.env("TEST_VAR")', '"Hello!"'],
    ['env("TEST_VAR")', '"Hello!"'],
    ['sys.env("DOES_NOT_EXIST")', '""'],
    ['sys.env("EMPTY")', '""'],
    ['sys.env(1)', '"one"'],
    ['sys.env(null)', '""'],
    ['sys.env("constructor")', '""'],
  ])('%s', (expr, expected) => expect(evalText(expr, { environment })).toBe(expected));

  it('reads the environment at every call', () => {
    const live: Record<string, string> = {};
    const env = createStdlib({ environment: live }).get('env')!;
    live.X = 'later';
    expect(env.type === 'function' && env.invoke([{ type: 'string', value: 'X' }])).toEqual({ type: 'string', value: 'later' });
  });
});

describe('convert.nonsensitive', () => {
  const variables = { secret: secretValue('foo'), optional: optionalSecretValue('bar', true) };
  it.each([
    ['convert.nonsensitive(secret)', '"foo"'],
    ['nonsensitive(secret)', '"foo"'],
    ['convert.nonsensitive(optional)', '"bar"'],
    ['convert.nonsensitive("x")', '"x"'],
    ['convert.nonsensitive(null)', '""'],
    ['convert.nonsensitive(1)', 'error: 1:22: 1 should be capsule, got number'],
    ['convert.nonsensitive("a", "b")', 'error: 1:1: convert.nonsensitive expected 1 args, got 2'],
    ['string.to_upper(secret)', 'error: 1:17: secret secrets may not be converted into strings'],
  ])('%s', (expr, expected) => expect(evalText(expr, { variables })).toBe(expected));
});

describe('file.path_join', () => {
  it.each([
    [[], ''],
    [['this/is', 'a/path'], 'this/is/a/path'],
    [['/a/', 'b/'], '/a/b'],
    [['a', '../b'], 'b'],
    [['', ''], ''],
    [['a', '', 'c'], 'a/c'],
    [['../x', 'y'], '../x/y'],
    [['/'], '/'],
    [['a/./b//c'], 'a/b/c'],
  ])('%j', (elements, expected) => expect(joinPath(elements, posix)).toBe(expected));

  it('uses the Windows separator there', () => {
    expect(joinPath(['a', 'b\\'], win32)).toBe('a\\b');
  });

  it('converts numbers', () => {
    expect(evalText('file.path_join("a", 1)')).toBe(`"${joinPath(['a', '1'])}"`);
  });
});

describe('constants', () => {
  it('are strings in Go spelling', () => {
    expect(evalText('string.format("%T", constants.version)')).toBe('"string"');
    expect(goOs('win32')).toBe('windows');
    expect(goOs('linux')).toBe('linux');
    expect(goArch('x64')).toBe('amd64');
    expect(goArch('ia32')).toBe('386');
    expect(goArch('arm64')).toBe('arm64');
  });

  it.each([
    ['', 'v0.0.0'], ['  ', 'v0.0.0'], ['1.5.0', 'v1.5.0'], ['v1.10.0-rc.1', 'v1.10.0-rc.1'], ['1.2', 'v1.2.0'],
    ['01.02.03', 'v1.2.3'], ['devel', 'devel'],
  ])('version %j normalises to %s', (input, expected) => expect(normalizeVersion(input)).toBe(expected));
});

describe('json_path', () => {
  const doc = JSON.stringify(JSON.stringify({
    store: { book: [{ title: 'A', price: 8 }, { title: 'B', price: 12.5 }, { title: 'C', price: 30 }] },
    key: 'value',
  }));

  it.each([
    ['json_path("{\\"key\\": \\"value\\"}", ".key")', '["value"]'],
    ['json_path("{\\"key\\": \\"value\\"}", "key")', '["value"]'],
    ['json_path("{\\"key\\": \\"value\\"}", "$.key")', '["value"]'],
    ['json_path("{\\"key\\": \\"value\\"}", ".nonexists")', '[]'],
    ['json_path("{\\"key\\": \\"value\\"}", ".key")[0]', '"value"'],
    ['json_path("[{\\"name\\": \\"Department\\",\\"value\\": \\"IT\\"},{\\"name\\":\\"TestStatus\\",\\"value\\":\\"Pending\\"}]", "[?(@.name == \\"Department\\")].value")', '["IT"]'],
    [`json_path(${doc}, "$.store.book[*].title")`, '["A", "B", "C"]'],
    [`json_path(${doc}, "$..title")`, '["A", "B", "C"]'],
    [`json_path(${doc}, "$.store.book[-1].title")`, '["C"]'],
    [`json_path(${doc}, "$.store.book[0:2].title")`, '["A", "B"]'],
    [`json_path(${doc}, "$.store.book[0,2].title")`, '["A", "C"]'],
    [`json_path(${doc}, "$.store.book[?(@.price > 10 && @.price < 20)].title")`, '["B"]'],
    [`json_path(${doc}, "$.store.book[?(@.title =~ /^[AC]$/)].title")`, '["A", "C"]'],
    [`json_path(${doc}, "$['key','nope']")`, '["value"]'],
  ])('%s', (expr, expected) => expect(evalText(expr)).toBe(expected));

  it('reads integers as ints and huge integers as strings', () => {
    expect(evalValue('json_path("{\\"a\\": 1}", "$.a")')).toEqual({ type: 'array', elements: [{ type: 'number', kind: 'int', value: 1n }] });
    expect(evalText('json_path("[99999999999999999999, 1.5]", "$[*]")')).toBe('["99999999999999999999", 1.5]');
  });

  it('reports a bad path before bad JSON', () => {
    expect(evalText('json_path("{", "$[")')).toMatch(/^error: 1:1: json_path .* in \$\[$/);
    expect(evalText('json_path("{", "$.a")')).toBe('error: 1:1: json_path unexpected end of JSON input');
  });
});
