import { describe, expect, it } from 'vitest';
import { fields, hostCapsule } from '../../test/support/values.js';
import { optionalSecretValue, secretValue } from '../eval/secret.js';
import {
  array,
  float,
  int,
  NULL,
  rawFunction,
  string,
  TRUE,
  uint,
  type Value,
} from '../eval/value.js';
import { marshalBody, marshalValue, UnsupportedValueError } from './alloyjson.js';


describe('marshalValue', () => {
  it.each<[string, Value, string]>([
    ['null', NULL, '{"type":"null","value":null}'],
    ['an int', int(54n), '{"type":"number","value":54}'],
    ['a float', float(3.5), '{"type":"number","value":3.5}'],
    ['negative zero', float(-0), '{"type":"number","value":-0}'],
    ['a large int, as float64', int(9223372036854775807n), '{"type":"number","value":9223372036854776000}'],
    ['the largest uint, as float64', uint(2n ** 64n - 1n), '{"type":"number","value":18446744073709552000}'],
    ['a small float in exponent form', float(1e-7), '{"type":"number","value":1e-7}'],
    ['a string, Go-escaped', string('<&>'), '{"type":"string","value":"\\u003c\\u0026\\u003e"}'],
    ['a bool', TRUE, '{"type":"bool","value":true}'],
    ['an empty array', array([]), '{"type":"array","value":[]}'],
    ['an array', array([int(0n), string('a')]), '{"type":"array","value":[{"type":"number","value":0},{"type":"string","value":"a"}]}'],
    ['an empty object', fields([]), '{"type":"object","value":[]}'],
    ['a function', rawFunction(() => NULL), '{"type":"function","value":"function"}'],
  ])('%s', (_what, value, json) => {
    expect(marshalValue(value)).toBe(json);
  });

  it('lists an unordered object by key in byte order, an ordered one as declared', () => {
    const entries: [string, Value][] = [['year', int(2023n)], ['foo', string('bar')], ['fizz', string('buzz')]];
    expect(marshalValue(fields(entries))).toBe(
      '{"type":"object","value":[' +
        '{"key":"fizz","value":{"type":"string","value":"buzz"}},' +
        '{"key":"foo","value":{"type":"string","value":"bar"}},' +
        '{"key":"year","value":{"type":"number","value":2023}}]}',
    );
    expect(JSON.parse(marshalValue(fields(entries, true))).value.map((m: { key: string }) => m.key)).toEqual([
      'year', 'foo', 'fizz',
    ]);
  });

  it('sorts keys by UTF-8 bytes, not UTF-16 code units', () => {
    const keys = JSON.parse(marshalValue(fields([['😀', NULL], ['\uffee', NULL], ['a', NULL]]))).value.map(
      (m: { key: string }) => m.key,
    );
    expect(keys).toEqual(['a', '\uffee', '😀']);
  });

  it.each([
    [NaN, 'json: unsupported value: NaN'],
    [Infinity, 'json: unsupported value: +Inf'],
    [-Infinity, 'json: unsupported value: -Inf'],
  ])('refuses %d, even deep inside', (n, message) => {
    const value = array([fields([['x', float(n)]])]);
    expect(() => marshalValue(value)).toThrow(UnsupportedValueError);
    expect(() => marshalValue(value)).toThrow(message);
  });

  describe('capsules, in upstream precedence', () => {
    it('a secret is (secret), never its text', () => {
      const json = marshalValue(secretValue('hunter2'));
      expect(json).toBe('{"type":"capsule","value":"(secret)"}');
      expect(json).not.toContain('hunter2');
    });

    it('an optional secret is (secret) when secret, else its Go-quoted text', () => {
      expect(marshalValue(optionalSecretValue('hunter2', true))).toBe('{"type":"capsule","value":"(secret)"}');
      expect(marshalValue(optionalSecretValue('foobar', false))).toBe('{"type":"capsule","value":"\\"foobar\\""}');
    });

    it('a capsule with an object view is that object', () => {
      const value = hostCapsule({
        typeName: 'main.Person',
        asObject: () => fields([['name', string('Bert')], ['address', string('11a Sesame St')]]),
      });
      expect(marshalValue(value)).toBe(
        '{"type":"object","value":[' +
          '{"key":"address","value":{"type":"string","value":"11a Sesame St"}},' +
          '{"key":"name","value":{"type":"string","value":"Bert"}}]}',
      );
    });

    it('else its description, else capsule("<type>")', () => {
      expect(marshalValue(hostCapsule({ typeName: 'main.S', describe: () => 'custom text' }))).toBe(
        '{"type":"capsule","value":"custom text"}',
      );
      expect(marshalValue(hostCapsule({ typeName: 'main.S', describe: () => '' }))).toBe(
        '{"type":"capsule","value":"capsule(\\"main.S\\")"}',
      );
      expect(marshalValue(hostCapsule({ typeName: 'chan int' }))).toBe(
        '{"type":"capsule","value":"capsule(\\"chan int\\")"}',
      );
    });
  });
});

describe('marshalBody', () => {
  it('is [] when empty', () => {
    expect(marshalBody([])).toBe('[]');
  });

  it('writes attributes and blocks in order, members in upstream order, no empty label', () => {
    const json = marshalBody([
      { kind: 'attribute', name: 'number', value: int(5n) },
      {
        kind: 'block',
        name: 'labeled_block',
        label: 'label_a',
        body: [{ kind: 'attribute', name: 'boolean', value: TRUE }],
      },
      { kind: 'block', name: 'inner.block', label: '', body: [] },
    ]);
    expect(json).toBe(
      '[{"name":"number","type":"attr","value":{"type":"number","value":5}},' +
        '{"name":"labeled_block","type":"block","label":"label_a","body":[' +
        '{"name":"boolean","type":"attr","value":{"type":"bool","value":true}}]},' +
        '{"name":"inner.block","type":"block","body":[]}]',
    );
  });
});
