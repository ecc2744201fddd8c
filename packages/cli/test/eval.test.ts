import { describe, expect, it } from 'vitest';
import { optionalSecretValue, scopeOf, secretValue } from '@ingot/syntax';
import { EXPRESSION_NAME, evalCommand, type EvalOptions } from '../src/commands/eval.js';
import { main } from '../src/main.js';
import { fakeIo, type FakeIo } from './fake-io.js';

function run(expression: string, options: Omit<EvalOptions, 'expression'> = {}): { code: number; io: FakeIo } {
  const io = fakeIo();
  const code = evalCommand({ expression, ...options }, io);
  return { code, io };
}

function printed(expression: string, options: Omit<EvalOptions, 'expression'> = {}): string {
  const { code, io } = run(expression, options);
  expect(io.stderr.text).toBe('');
  expect(code).toBe(0);
  return io.stdout.text;
}

const GATED = (name: string, level = 'generally-available'): string =>
  `${name} is at stability level "experimental", which is below the minimum allowed stability level "${level}". ` +
  'Use --stability.level command-line flag to enable "experimental" features';

describe('ingot eval', () => {
  it.each([
    ['null', 'null\n'],
    ['1 + 2 * 3', '7\n'],
    ['7 / 2', '3\n'],
    ['7.0 / 2', '3.5\n'],
    ['1e21', '1000000000000000000000\n'],
    ['18446744073709551615', '18446744073709551615\n'],
    ['-0.0', '-0\n'],
    ['"a" + "b"', '"ab"\n'],
    ['"tab\\there\\x00"', '"tab\\there\\x00"\n'],
    ['1 < 2 && !false', 'true\n'],
    ['[1, [2, "x"], []]', '[1, [2, "x"], []]\n'],
    ['{}', '{}\n'],
    ['{ b = 2, a = 1, "c d" = [3] }', '{\n\ta     = 1,\n\tb     = 2,\n\t"c d" = [3],\n}\n'],
    ['{ a = { b = true } }.a', '{\n\tb = true,\n}\n'],
    ['string.to_upper', 'function\n'],
    ['string.format("%s:%d", "host", 80)', '"host:80"\n'],
    ['string.join(["a", "b"], ",")', '"a,b"\n'],
  ])('prints %s in Alloy syntax', (expression, output) => {
    expect(printed(expression)).toBe(output);
  });

  it.each([
    ['null', '{"type":"null","value":null}'],
    ['54', '{"type":"number","value":54}'],
    ['9223372036854775807', '{"type":"number","value":9223372036854776000}'],
    ['-0.0', '{"type":"number","value":-0}'],
    ['"<a & b>"', '{"type":"string","value":"\\u003ca \\u0026 b\\u003e"}'],
    ['[true]', '{"type":"array","value":[{"type":"bool","value":true}]}'],
    [
      '{ year = 2023, foo = "bar" }',
      '{"type":"object","value":[{"key":"foo","value":{"type":"string","value":"bar"}},' +
        '{"key":"year","value":{"type":"number","value":2023}}]}',
    ],
    ['string.to_upper', '{"type":"function","value":"function"}'],
  ])('prints %s in alloyjson with --format=json', (expression, json) => {
    expect(printed(expression, { format: 'json' })).toBe(`${json}\n`);
  });

  it('fails on a number JSON cannot hold, as Go does', () => {
    const { code, io } = run('1e308 * 10', { format: 'json' });
    expect(code).toBe(1);
    expect(io.stdout.text).toBe('');
    expect(io.stderr.text).toBe('Error: json: unsupported value: +Inf\n');
    expect(printed('1e308 * 10')).toBe('+Inf\n');
  });

  describe('errors', () => {
    it('reports a parse error with its position and the expression as the source', () => {
      const { code, io } = run('1 +');
      expect(code).toBe(1);
      expect(io.stdout.text).toBe('');
      // The end of input is past the line's last column, where upstream draws no caret.
      expect(io.stderr.text).toBe(`Error: ${EXPRESSION_NAME}:1:4: expected expression, got EOF\n\n1 | 1 +\n  |    \n`);
    });

    it('reports an evaluation error at the offending sub-expression', () => {
      const { code, io } = run('1 + "a"');
      expect(code).toBe(1);
      expect(io.stderr.text).toBe(
        `Error: ${EXPRESSION_NAME}:1:5: "a" should be number, got string\n\n1 | 1 + "a"\n  |     ^^^\n`,
      );
    });

    it.each([
      ['foobar', `${EXPRESSION_NAME}:1:1: identifier "foobar" does not exist`],
      ['{ a = 15 }.b', `${EXPRESSION_NAME}:1:12: field "b" does not exist`],
      ['10 / 0', `${EXPRESSION_NAME}:1:6: 0 divide by zero error`],
      ['string.join(1)', `${EXPRESSION_NAME}:1:1: string.join expected 2 args, got 1`],
    ])('reports %s', (expression, header) => {
      const { code, io } = run(expression);
      expect(code).toBe(1);
      expect(io.stderr.text.split('\n')[0]).toBe(`Error: ${header}`);
    });
  });

  describe('--stability.level', () => {
    const combine = 'array.combine_maps([{"a" = 1}], [{"a" = 1, "b" = 2}], ["a"])';

    it('refuses an experimental function by default, before evaluating anything', () => {
      const { code, io } = run(`[${combine}, foobar]`);
      expect(code).toBe(1);
      expect(io.stdout.text).toBe('');
      const [header, , , underline] = io.stderr.text.split('\n');
      expect(header).toBe(`Error: ${EXPRESSION_NAME}:1:2: ${GATED('array.combine_maps')}`);
      expect(underline).toBe(`  |  ${'^'.repeat('array.combine_maps'.length)}`);
    });

    it('refuses it at public-preview too, naming that level', () => {
      const { io } = run('array.group_by', { stabilityLevel: 'public-preview' });
      expect(io.stderr.text.split('\n')[0]).toBe(
        `Error: ${EXPRESSION_NAME}:1:1: ${GATED('array.group_by', 'public-preview')}`,
      );
    });

    it('reports every gated use', () => {
      const { io } = run('[array.group_by, array.combine_maps]');
      expect(io.stderr.text.match(/^Error: /gm)).toHaveLength(2);
    });

    it('allows it at experimental', () => {
      expect(printed(combine, { stabilityLevel: 'experimental' })).toBe('[{\n\ta = 1,\n\tb = 2,\n}]\n');
    });

    it('gates the exact traversal only, as upstream', () => {
      expect(printed('array["group_by"]')).toBe('function\n');
      expect(printed('array.concat([1], [2])')).toBe('[1, 2]\n');
    });
  });

  describe('secrets', () => {
    const SECRET = 'hunter2-s3cr3t';
    // No expression makes a secret: they come from the host, here a variable.
    const scope = scopeOf({
      password: secretValue(SECRET),
      token: optionalSecretValue(SECRET, true),
      login: optionalSecretValue('bob', false),
    });

    it.each([
      ['password', '(secret)', '{"type":"capsule","value":"(secret)"}'],
      ['token', '(secret)', '{"type":"capsule","value":"(secret)"}'],
      ['login', '"bob"', '{"type":"capsule","value":"\\"bob\\""}'],
      ['{ auth = { password = password }, list = [token] }',
        '{\n\tauth = {\n\t\tpassword = (secret),\n\t},\n\tlist = [(secret)],\n}',
        '{"type":"object","value":[{"key":"auth","value":{"type":"object","value":[{"key":"password",' +
          '"value":{"type":"capsule","value":"(secret)"}}]}},{"key":"list","value":{"type":"array",' +
          '"value":[{"type":"capsule","value":"(secret)"}]}}]}'],
    ])('prints %s without its text', (expression, alloy, json) => {
      expect(printed(expression, { scope })).toBe(`${alloy}\n`);
      expect(printed(expression, { scope, format: 'json' })).toBe(`${json}\n`);
    });

    it.each([
      ['password + 1', 'alloy'],
      ['password - 1', 'alloy'],
      ['-password', 'alloy'],
      ['password.field', 'alloy'],
      ['string.join([password], ",")', 'json'],
      ['encoding.to_json({ a = password })', 'json'],
      ['string.format("%s", password)', 'alloy'],
      ['coalesce(password)', 'json'],
    ] as const)('never shows it in the output or the error of %s', (expression, format) => {
      const io = fakeIo();
      evalCommand({ expression, scope, format }, io);
      expect(io.stdout.text + io.stderr.text).not.toContain(SECRET);
    });

    it('reveals it only through convert.nonsensitive', () => {
      expect(printed('convert.nonsensitive(password)', { scope })).toBe(`"${SECRET}"\n`);
    });
  });

  describe('through main', () => {
    it('takes the expression, --format and --stability.level', async () => {
      const io = fakeIo();
      expect(await main(['eval', '--format=json', '--stability.level=experimental', 'array.group_by'], io)).toBe(0);
      expect(io.stdout.text).toBe('{"type":"function","value":"function"}\n');
    });

    it('reads sys.env from the environment', async () => {
      const io = fakeIo({ env: { INGOT_TEST_VAR: 'from the env' } });
      expect(await main(['eval', 'sys.env("INGOT_TEST_VAR")'], io)).toBe(0);
      expect(io.stdout.text).toBe('"from the env"\n');
    });

    it('rejects an unknown format or stability level', async () => {
      const io = fakeIo();
      expect(await main(['eval', '--format=yaml', '1'], io)).toBe(1);
      expect(io.stderr.text).toContain("'yaml' is invalid");
      const io2 = fakeIo();
      expect(await main(['eval', '--stability.level=beta', '1'], io2)).toBe(1);
      expect(io2.stderr.text).toContain('invalid stability level "beta"');
    });

    it('evaluates an expression that starts with a minus sign after --', async () => {
      const io = fakeIo();
      expect(await main(['eval', '--', '-1 - 1'], io)).toBe(0);
      expect(io.stdout.text).toBe('-2\n');
      const io2 = fakeIo();
      expect(await main(['eval', '-5'], io2)).toBe(0);
      expect(io2.stdout.text).toBe('-5\n');
    });
  });
});
