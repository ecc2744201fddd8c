/**
 * Decoders bound how deeply a value nests (MAX_VALUE_DEPTH), so everything that walks a
 * value recursively is safe on the deepest value they return, and hostile documents fail
 * with a message instead of exhausting the stack or the memory.
 */
import { describe, expect, it } from 'vitest';
import { marshalValue } from '../../encoding/alloyjson.js';
import { evaluate } from '../../eval/evaluate.js';
import { printValue } from '../../eval/print.js';
import { MAX_VALUE_DEPTH, type Value } from '../../eval/value.js';
import { parseExpression } from '../../parser/parse.js';

/** JSON nesting objects and arrays alternately, `depth` containers deep. */
function nestedJson(depth: number): string {
  let json = '1';
  for (let i = 0; i < depth; i++) json = i % 2 === 0 ? `[${json}]` : `{"a":${json}}`;
  return json;
}

function run(source: string): { ok: true; value: Value } | { ok: false; message: string } {
  const { expression, diagnostics } = parseExpression(source);
  expect(diagnostics).toEqual([]);
  const result = evaluate(expression);
  return result.ok ? result : { ok: false, message: result.diagnostic.message };
}

describe('value depth', () => {
  const deepest = `encoding.from_json(${JSON.stringify(nestedJson(MAX_VALUE_DEPTH))})`;

  it('is bounded in from_json with Go’s message', () => {
    expect(run(`encoding.from_json(${JSON.stringify(nestedJson(MAX_VALUE_DEPTH + 1))})`)).toEqual({
      ok: false,
      message: 'encoding.from_json exceeded max depth',
    });
  });

  it('is bounded in from_yaml', () => {
    const yaml = `a: ${'['.repeat(MAX_VALUE_DEPTH + 1)}${']'.repeat(MAX_VALUE_DEPTH + 1)}`;
    expect(run(`encoding.from_yaml(${JSON.stringify(yaml)})`)).toMatchObject({
      ok: false,
      message: `encoding.from_yaml yaml: exceeded max depth of ${MAX_VALUE_DEPTH}`,
    });
  });

  it('leaves the deepest accepted value printable, encodable and comparable', () => {
    const value = run(deepest);
    if (!value.ok) throw new Error(value.message);
    expect(printValue(value.value)).toContain('a = [1]');
    expect(JSON.parse(marshalValue(value.value)).type).toBe('object');
    expect(run(`${deepest} == ${deepest}`)).toMatchObject({ ok: true, value: { type: 'bool', value: true } });
    expect(run(`encoding.to_json(encoding.from_json(${JSON.stringify(`{"x":${nestedJson(MAX_VALUE_DEPTH - 1)}}`)}))`)).toMatchObject({ ok: true });
    expect(run(`string.format("%v", ${deepest})`)).toMatchObject({ ok: true });
  });
});

describe('YAML aliases', () => {
  it('refuses a document whose aliases expand it a billionfold', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    expect(run(`encoding.from_yaml(${JSON.stringify(lines.join('\n'))})`)).toEqual({
      ok: false,
      message: 'encoding.from_yaml yaml: document contains excessive aliasing',
    });
  });

  it('still expands ordinary aliases', () => {
    const result = run('encoding.from_yaml("a: &x [1, 2]\\nb: *x")');
    if (!result.ok) throw new Error(result.message);
    expect(printValue(result.value)).toBe('{\n\ta = [1, 2],\n\tb = [1, 2],\n}');
  });
});
