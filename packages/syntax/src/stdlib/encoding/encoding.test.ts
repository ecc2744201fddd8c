import { describe, expect, it } from 'vitest';
import { secretValue } from '../../eval/secret.js';
import { evalText, evalValue } from '../../../test/support/stdlib-eval.js';

describe('encoding.from_json', () => {
  it.each([
    ['encoding.from_json("15")', '15'],
    ['encoding.from_json("[1, 2, 3]")', '[1, 2, 3]'],
    ['encoding.from_json("null")', 'null'],
    ['encoding.from_json(" {\\"a\\": 1, \\"a\\": 2} ")', '{\n\ta = 2,\n}'],
    ['encoding.from_json("\\"\\\\u00e9\\\\ud83d\\\\ude00\\\\ud800x\\"")', '"é😀�x"'],
  ])('%s', (expr, expected) => expect(evalText(expr)).toBe(expected));

  it('numbers are floats', () => {
    expect(evalValue('encoding.from_json("15")')).toEqual({ type: 'number', kind: 'float', value: 15 });
  });

  it.each([
    ['""', 'unexpected end of JSON input'],
    ['"{"', 'unexpected end of JSON input'],
    ['"1 2"', "invalid character '2' after top-level value"],
    ['"abc"', "invalid character 'a' looking for beginning of value"],
    ['"{]"', "invalid character ']' looking for beginning of object key string"],
    ['"{\\"a\\" 1}"', "invalid character '1' after object key"],
    ['"{\\"a\\": 1 2}"', "invalid character '2' after object key:value pair"],
    ['"[1 2]"', "invalid character '2' after array element"],
    ['"[1,]"', "invalid character ']' looking for beginning of value"],
    ['"1."', "invalid character ' ' after decimal point in numeric literal"],
    ['"-"', "invalid character ' ' in numeric literal"],
    ['"1e"', "invalid character ' ' in exponent of numeric literal"],
    ['"tru"', "invalid character ' ' in literal true (expecting 'e')"],
    ['"nul1"', "invalid character '1' in literal null (expecting 'l')"],
    ['"\\"\\\\x\\""', "invalid character 'x' in string escape code"],
    ['"1e400"', 'json: cannot unmarshal number 1e400 into Go value of type float64'],
    ['"[1e400, ]"', "invalid character ']' looking for beginning of value"],
  ])('from_json(%s) fails: %s', (input, message) => {
    expect(evalText(`encoding.from_json(${input})`)).toBe(`error: 1:1: encoding.from_json ${message}`);
  });

  it('deep nesting is bounded, not a stack overflow', () => {
    const deep = JSON.stringify('['.repeat(20000));
    expect(evalText(`encoding.from_json(${deep})`)).toBe('error: 1:1: encoding.from_json exceeded max depth');
  });

  it('json_decode names itself', () => {
    expect(evalText('json_decode("{")')).toBe('error: 1:1: json_decode unexpected end of JSON input');
  });
});

describe('encoding.from_yaml', () => {
  it.each([
    ['encoding.from_yaml("15")', '15'],
    ['encoding.from_yaml("key: value")', '{\n\tkey = "value",\n}'],
    ['encoding.from_yaml("foo: null")', '{\n\tfoo = null,\n}'],
    ['encoding.from_yaml("")', 'null'],
    ['encoding.from_yaml("~")', 'null'],
    ['encoding.from_yaml("[0x1f, 0o17, 017, 1_000, 0b11, +5]")', '[31, 15, 15, 1000, 3, 5]'],
    ['encoding.from_yaml("[yes, True, FALSE, \\"1\\", 2001-12-14]")', '["yes", true, false, "1", "2001-12-14"]'],
    ['encoding.from_yaml("a: 1\\n---\\nb: 2")', '{\n\ta = 1,\n}'],
    ['encoding.from_yaml("a: &x 1\\nb: *x")', '{\n\ta = 1,\n\tb = 1,\n}'],
  ])('%s', (expr, expected) => expect(evalText(expr)).toBe(expected));

  it('ints are ints, floats floats', () => {
    expect(evalValue('encoding.from_yaml("[1, 1.0, .inf, 18446744073709551615]")')).toMatchObject({
      elements: [{ kind: 'int' }, { kind: 'float' }, { kind: 'float', value: Infinity }, { kind: 'uint' }],
    });
  });

  it('a mapping with non-string keys is a capsule', () => {
    expect(evalValue('encoding.from_yaml("1: a")').type).toBe('capsule');
  });

  it('errors name the line', () => {
    expect(evalText('encoding.from_yaml("a: [1, 2\\n")')).toMatch(/^error: 1:1: encoding\.from_yaml yaml: line \d+: /);
    expect(evalText('encoding.from_yaml("a: 1\\na: 2")')).toContain('mapping key "a" already defined at line 1');
  });
});

describe('base64', () => {
  it.each([
    ['encoding.to_base64("string123!?$*&()\'-=@~")', '"c3RyaW5nMTIzIT8kKiYoKSctPUB+"'],
    ['encoding.to_URLbase64("string123!?$*&()\'-=@~")', '"c3RyaW5nMTIzIT8kKiYoKSctPUB-"'],
    ['encoding.to_base64("")', '""'],
    ['encoding.to_base64("a")', '"YQ=="'],
    ['encoding.from_base64("YQ==")', '[97]'],
    ['encoding.from_base64("")', '[]'],
    ['encoding.from_base64("Y\\nQ=\\r=")', '[97]'],
    ['string.to_upper(encoding.from_base64("YQ=="))', '"A"'],
    ['string.trim_prefix(encoding.from_URLbase64("c3RyaW5nMTIzIT8kKiYoKSctPUB-"), "")', '"string123!?$*&()\'-=@~"'],
    ['string.trim_prefix(base64_decode("dGFuZ2VyaW5l"), "")', '"tangerine"'],
    ['encoding.from_base64("YQ==") == "a"', 'false'],
  ])('%s', (expr, expected) => expect(evalText(expr)).toBe(expected));

  it.each([
    ['YQ', 0], ['YWJjZA', 4], ['Y', 0], ['=YQ=', 0], ['YQ=', 3], ['YQ==x', 4], ['YQ=x', 2], ['Y!==', 1],
  ])('from_base64(%s) fails at byte %d', (input, offset) => {
    expect(evalText(`encoding.from_base64("${input}")`)).toBe(
      `error: 1:1: encoding.from_base64 illegal base64 data at input byte ${offset}`,
    );
  });
});

describe('url encoding', () => {
  it.each([
    ['encoding.url_encode("string123!?$*&()\'-=@~")', '"string123%21%3F%24%2A%26%28%29%27-%3D%40~"'],
    ['encoding.url_encode("a b/c")', '"a+b%2Fc"'],
    ['encoding.url_encode("é")', '"%C3%A9"'],
    ['encoding.url_decode("string123%21%3F%24%2A%26%28%29%27-%3D%40~")', '"string123!?$*&()\'-=@~"'],
    ['encoding.url_decode("a+b%c3%A9")', '"a bé"'],
  ])('%s', (expr, expected) => expect(evalText(expr)).toBe(expected));

  it.each([['%zz', '%zz'], ['a%', '%'], ['%4', '%4'], ['%4g1', '%4g']])('url_decode(%s) fails', (input, shown) => {
    expect(evalText(`encoding.url_decode("${input}")`)).toBe(`error: 1:1: encoding.url_decode invalid URL escape "${shown}"`);
  });
});

describe('encoding.to_json', () => {
  it.each([
    ['encoding.to_json({})', '"{}"'],
    ['encoding.to_json({a = [1, 2.5, null]})', '"{\\"a\\":[1,2.5,null]}"'],
    ['encoding.to_json({b = "<&>", a = 1e21, c = 9223372036854775807})', '"{\\"a\\":1e+21,\\"b\\":\\"\\\\u003c\\\\u0026\\\\u003e\\",\\"c\\":9223372036854775807}"'],
  ])('%s', (expr, expected) => expect(evalText(expr)).toBe(expected));

  it.each(['12', 'null', '[1]', '"x"'])('to_json(%s) needs an object', (arg) => {
    expect(evalText(`encoding.to_json(${arg})`)).toBe('error: 1:1: encoding.to_json jsonEncode only supports map');
  });

  it('NaN cannot be encoded', () => {
    expect(evalText('encoding.to_json({a = encoding.from_yaml(".nan")})')).toBe(
      'error: 1:1: encoding.to_json json: unsupported value: NaN',
    );
  });

  it('never writes a secret into the JSON', () => {
    const out = evalText('encoding.to_json({a = s})', { variables: { s: secretValue('hunter2') } });
    expect(out).toBe('error: 1:1: encoding.to_json secrets may not be converted into strings');
  });
});
