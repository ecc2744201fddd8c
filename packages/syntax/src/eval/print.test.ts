import { describe, expect, it } from 'vitest';
import { fields, hostCapsule } from '../../test/support/values.js';
import { parseExpression } from '../parser/parse.js';
import { format } from '../printer/format.js';
import { printValue } from './print.js';
import { optionalSecretValue, secretValue } from './secret.js';
import {
  array,
  FALSE,
  float,
  int,
  NULL,
  rawFunction,
  string,
  TRUE,
  uint,
  type Value,
} from './value.js';


/** Upstream's token text for a value, formatted: what `printValue` must equal. */
function formatted(tokenText: string): string {
  const { expression, diagnostics } = parseExpression(tokenText);
  expect(diagnostics).toEqual([]);
  return format(expression);
}

describe('printValue', () => {
  it.each<[string, Value, string]>([
    ['null', NULL, 'null'],
    ['an int', int(15n), '15'],
    ['a negative int', int(-15n), '-15'],
    ['the largest uint', uint(2n ** 64n - 1n), '18446744073709551615'],
    ['a float, never in exponent form', float(1e21), '1000000000000000000000'],
    ['a whole float, without a dot', float(3), '3'],
    ['a fraction', float(0.6), '0.6'],
    ['negative zero', float(-0), '-0'],
    ['true', TRUE, 'true'],
    ['false', FALSE, 'false'],
    ['a string, Go-quoted', string('Hello, "world"!\n'), '"Hello, \\"world\\"!\\n"'],
    ['a string with an invalid byte', string('a\udcffb'), '"a\\xffb"'],
    ['a string with a control and a non-printable character', string('\u0001\u00ad'), '"\\x01\\u00ad"'],
    ['an empty array', array([]), '[]'],
    ['an array, on one line', array([int(0n), int(1n), int(2n)]), '[0, 1, 2]'],
    ['nested arrays', array([string('testing'), array([int(0n), int(1n)])]), '["testing", [0, 1]]'],
    ['an empty object', fields([]), '{}'],
    ['a one-field object, on its own lines', fields([['foo', string('bar')]]), '{\n\tfoo = "bar",\n}'],
    ['a key that is no identifier, quoted', fields([['non ident', string('bar')]]), '{\n\t"non ident" = "bar",\n}'],
    ['a keyword key, quoted', fields([['null', NULL]]), '{\n\t"null" = null,\n}'],
    ['a function', rawFunction(() => NULL), 'function'],
  ])('%s', (_what, value, text) => {
    expect(printValue(value)).toBe(text);
  });

  it('sorts an unordered object by key and aligns the `=` signs', () => {
    const value = fields([['key_c', int(3n)], ['key_a', int(1n)], ['key_bb', int(2n)]]);
    expect(printValue(value)).toBe('{\n\tkey_a  = 1,\n\tkey_bb = 2,\n\tkey_c  = 3,\n}');
  });

  it('keeps the declared order of an ordered object', () => {
    const value = fields([['some_key', string('foo')], ['other_key', string('bar')]], true);
    expect(printValue(value)).toBe('{\n\tsome_key  = "foo",\n\tother_key = "bar",\n}');
  });

  it('indents nested objects and restarts alignment after a multi-line field', () => {
    const value = fields([['a', int(1n)], ['bb', fields([['x', int(1n)]])], ['ccc', int(2n)], ['d', int(3n)]]);
    expect(printValue(value)).toBe('{\n\ta  = 1,\n\tbb = {\n\t\tx = 1,\n\t},\n\tccc = 2,\n\td   = 3,\n}');
  });

  it('keeps an array on one line around an object element (upstream TestBuilder_GoEncode)', () => {
    const value = array([int(0n), TRUE, fields([['key', TRUE]]), string('Hello!')]);
    expect(printValue(value)).toBe('[0, true, {\n\tkey = true,\n}, "Hello!"]');
  });

  it('prints what upstream gets from formatting its token text', () => {
    const value = fields([
      ['list', array([fields([['a', int(1n)], ['b c', array([])]]), fields([])])],
      ['name', string('x')],
      ['', NULL],
      ['nested', fields([['deeper', fields([['deepest', array([int(1n), fields([['k', FALSE]])])]])]])],
    ]);
    const tokenText =
      '{\n""=null,\nlist=[{\na=1,\n"b c"=[],\n},{\n}],\nname="x",\n' +
      'nested={\ndeeper={\ndeepest=[1,{\nk=false,\n}],\n},\n},\n}';
    expect(printValue(value)).toBe(formatted(tokenText));
  });

  it('prints values nested deeper than the parser accepts', () => {
    let value: Value = int(1n);
    for (let i = 0; i < 500; i++) value = array([value]);
    expect(printValue(value)).toBe(`${'['.repeat(500)}1${']'.repeat(500)}`);
  });

  describe('capsules', () => {
    it('a secret is (secret), never its text', () => {
      const text = printValue(fields([['password', secretValue('hunter2')]]));
      expect(text).toBe('{\n\tpassword = (secret),\n}');
      expect(text).not.toContain('hunter2');
    });

    it('an optional secret is (secret) when secret, else its quoted text', () => {
      expect(printValue(optionalSecretValue('hunter2', true))).toBe('(secret)');
      expect(printValue(optionalSecretValue('foo\tbar', false))).toBe('"foo\\tbar"');
    });

    it('a capsule with an object view prints that object', () => {
      const value = hostCapsule({
        typeName: 'main.Person',
        asObject: () => fields([['name', string('Bert')], ['address', string('11a Sesame St')]]),
      });
      expect(printValue(value)).toBe('{\n\taddress = "11a Sesame St",\n\tname    = "Bert",\n}');
    });

    it('any other capsule prints its type', () => {
      expect(printValue(hostCapsule({ typeName: 'chan int', describe: () => 'ignored here' }))).toBe(
        'capsule("chan int")',
      );
    });
  });
});
