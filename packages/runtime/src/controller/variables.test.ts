import { evaluate, parseExpression, string, type Value } from '@ingot/syntax';
import { describe, expect, it } from 'vitest';
import { Variables } from './variables.js';

function read(variables: Variables, source: string): unknown {
  const { expression } = parseExpression(source);
  const result = evaluate(expression!, variables.scope);
  if (!result.ok) throw new Error(result.diagnostic.message);
  return result.value.type === 'string' ? result.value.value : result.value;
}

const exports = (content: string): Value => ({
  type: 'object',
  fields: new Map([['content', string(content)]]),
  ordered: true,
});

describe('Variables', () => {
  it('nests exports by the segments of their node ID', () => {
    const variables = new Variables(new Map([['module_path', string('/etc')]]));
    variables.set('local.file.a', exports('A'));
    variables.set('local.file.b', exports('B'));
    expect(read(variables, 'local.file.a.content')).toBe('A');
    expect(read(variables, 'local.file.b.content')).toBe('B');
    expect(read(variables, 'module_path')).toBe('/etc');
  });

  it('shows a write to the next reader, not to a view taken before', () => {
    const variables = new Variables();
    variables.set('local.file.a', exports('1'));
    const before = variables.scope.lookup('local');
    variables.set('local.file.a', exports('2'));
    expect(read(variables, 'local.file.a.content')).toBe('2');
    const { expression } = parseExpression('x.file.a.content');
    const old = evaluate(expression!, { lookup: (name) => (name === 'x' ? before : undefined) });
    expect(old.ok && old.value).toEqual(string('1'));
  });

  it('prunes levels a delete leaves empty', () => {
    const variables = new Variables();
    variables.set('local.file.a', exports('A'));
    variables.set('other.b', exports('B'));
    variables.delete('local.file.a');
    expect(variables.scope.lookup('local')).toBeUndefined();
    expect(read(variables, 'other.b.content')).toBe('B');
  });

  it('refuses to nest exports under a value, in upstream words', () => {
    const variables = new Variables();
    variables.set('a.b', exports('x'));
    expect(() => variables.set('a.b.c', exports('y'))).toThrow(
      'expected a map but found a value for "b" when trying to cache the export for a.b.c',
    );
  });
});

describe('Variables.lookupPath', () => {
  it('follows a reference down to the exports without building the branches', () => {
    const variables = new Variables();
    variables.set('local.file.a', exports('A'));
    const found = variables.scope.lookupPath!(['local', 'file', 'a', 'content']);
    expect(found?.consumed).toBe(3);
    expect(found?.value).toEqual(exports('A'));
    expect(variables.scope.lookupPath!(['nope'])).toBeUndefined();
  });

  it('stops at a missing name, so the evaluator reports it as plain field access would', () => {
    const variables = new Variables();
    variables.set('local.file.a', exports('A'));
    const { expression } = parseExpression('local.file.b.content');
    const result = evaluate(expression!, variables.scope);
    expect(!result.ok && result.diagnostic.message).toBe('field "b" does not exist');
    // The same diagnostic, position included, as through a scope without lookupPath.
    const { expression: deeper } = parseExpression('local.file.a.content.x');
    const typed = evaluate(deeper!, variables.scope);
    const plain = evaluate(deeper!, { lookup: (name) => variables.scope.lookup(name) });
    expect(typed).toEqual(plain);
    expect(!typed.ok && typed.diagnostic.message).toBe('local.file.a.content cannot access field "x" on value of type string');
  });
});
