import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { addSecrets, OptionalSecret, optionalSecretValue, Secret, secretValue, tryUnwrapCapsules } from './secret.js';
import { capsule, int, string, type Value } from './value.js';

/** `secret(text)`, `optional(text, secret?)`, `"text"` or the type: what the rewrite produced. */
function show(value: Value): string {
  if (value.type === 'string') return JSON.stringify(value.value);
  if (value.type !== 'capsule') return value.type;
  const c = value.capsule;
  if (c instanceof Secret) return `secret(${c.reveal()})`;
  if (c instanceof OptionalSecret) return `optional(${c.reveal()}, ${c.isSecret})`;
  return c.typeName;
}

describe('Secret and OptionalSecret', () => {
  it('never show their text unless revealed', () => {
    const secret = new Secret('hunter2');
    const optional = new OptionalSecret('hunter2', true);
    for (const rendering of [
      String(secret), `${secret}`, JSON.stringify({ secret }), inspect(secret), secret.tokenize(),
      String(optional), JSON.stringify(optional), inspect(optional), optional.tokenize(),
    ]) {
      expect(rendering).not.toContain('hunter2');
    }
    expect(secret.reveal()).toBe('hunter2');
  });

  it('print a non-secret optional secret as its quoted text', () => {
    expect(new OptionalSecret('a"b', false).tokenize()).toBe('"a\\"b"');
    expect(new Secret('x').tokenize()).toBe('(secret)');
  });

  it('are equal by type and content', () => {
    expect(new Secret('a').equals(new Secret('a'))).toBe(true);
    expect(new Secret('a').equals(new Secret('b'))).toBe(false);
    expect(new Secret('a').equals(new OptionalSecret('a', true))).toBe(false);
    expect(new OptionalSecret('a', true).equals(new OptionalSecret('a', false))).toBe(false);
    expect(new OptionalSecret('a', false).equals(new OptionalSecret('a', false))).toBe(true);
  });

  it('name their upstream types', () => {
    expect(new Secret('').typeName).toBe('alloytypes.Secret');
    expect(new OptionalSecret('', false).typeName).toBe('alloytypes.OptionalSecret');
  });
});

describe('tryUnwrapCapsules', () => {
  const other = capsule({ typeName: 'test.Other', equals: () => false });
  it.each<[Value, Value, string]>([
    [optionalSecretValue('o', true), secretValue('s'), 'secret(o) secret(s)'],
    [optionalSecretValue('o', true), string('t'), 'optional(o, true) optional(t, true)'],
    [optionalSecretValue('o', false), string('t'), '"o" "t"'],
    [secretValue('s'), optionalSecretValue('o', false), 'secret(s) secret(o)'],
    [secretValue('s'), string('t'), 'secret(s) secret(t)'],
    [string('t'), optionalSecretValue('o', true), 'optional(t, true) optional(o, true)'],
    [string('t'), optionalSecretValue('o', false), '"t" "o"'],
    [string('t'), secretValue('s'), 'secret(t) secret(s)'],
    [optionalSecretValue('a', false), optionalSecretValue('b', true), 'optional(a, false) optional(b, true)'],
    [secretValue('a'), secretValue('b'), 'secret(a) secret(b)'],
    [secretValue('a'), int(1n), 'secret(a) number'],
    [other, string('t'), 'test.Other "t"'],
  ])('%#: rewrites the pair', (lhs, rhs, expected) => {
    expect(tryUnwrapCapsules(lhs, rhs).map(show).join(' ')).toBe(expected);
  });
});

describe('addSecrets', () => {
  const other = capsule({ typeName: 'test.Other', equals: () => false });
  it('concatenates, keeping secrecy if either side has it', () => {
    expect(show(addSecrets(optionalSecretValue('a', false), optionalSecretValue('b', true))!)).toBe('optional(ab, true)');
    expect(show(addSecrets(secretValue('a'), secretValue('b'))!)).toBe('secret(ab)');
  });

  it('reads another capsule on the right as empty text', () => {
    expect(show(addSecrets(secretValue('a'), other)!)).toBe('secret(a)');
    expect(show(addSecrets(optionalSecretValue('a', false), other)!)).toBe('optional(a, false)');
  });

  it('declines when the left is not a secret', () => {
    expect(addSecrets(other, secretValue('a'))).toBeUndefined();
  });
});
