/**
 * Upstream `alloyjson_test.go` (conformance README §10): each `value` case evaluates an
 * expression and marshals it with `marshalValue`; each `body` case marshals a body with
 * `marshalBody`. Compared as JSON values, as upstream's `JSONEq`.
 *
 * A body case without a schema is upstream's `map[string]any` body: every statement is
 * evaluated as it stands, in source order. A case with a schema is upstream's struct: the
 * body is decoded into the schema, and the decoded object encoded back with `encodeBody`
 * (field order, defaults left out).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Body } from '../../src/ast/nodes.js';
import { formatDiagnostic } from '../../src/diag/diagnostic.js';
import { marshalBody, marshalValue, type EvaluatedBody } from '../../src/encoding/alloyjson.js';
import { evaluate } from '../../src/eval/evaluate.js';
import type { Value } from '../../src/eval/value.js';
import { parseExpression, parseFile } from '../../src/parser/parse.js';
import { decodeBody } from '../../src/schema/decode-body.js';
import { encodeBody } from '../../src/schema/encode-body.js';
import { schemaFromJson, type SchemaJson } from '../support/schema-notation.js';
import { conformanceDir } from './conformance-dir.js';

interface AlloyJsonCase {
  name: string;
  kind: 'value' | 'body';
  input: string;
  expect: unknown;
  schema?: SchemaJson;
}

const cases = JSON.parse(readFileSync(`${conformanceDir('syntax')}/alloyjson.json`, 'utf8')) as AlloyJsonCase[];

function evaluated(source: string): Value {
  const { expression, diagnostics } = parseExpression(source);
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  const result = evaluate(expression);
  if (!result.ok) throw new Error(formatDiagnostic(result.diagnostic));
  return result.value;
}

/** An untyped body: attributes with their values, blocks with their bodies, as written. */
function evaluatedBody(body: Body): EvaluatedBody {
  return body.map((statement) => {
    if (statement.kind === 'Attribute') {
      const result = evaluate(statement.value);
      if (!result.ok) throw new Error(formatDiagnostic(result.diagnostic));
      return { kind: 'attribute', name: statement.name.name, value: result.value };
    }
    return { kind: 'block', name: statement.name.join('.'), label: statement.label, body: evaluatedBody(statement.body) };
  });
}

/** The body as upstream's target holds it: typed by the schema when there is one. */
function bodyOf(body: Body, schemaJson: SchemaJson | undefined): EvaluatedBody {
  if (schemaJson === undefined) return evaluatedBody(body);
  const schema = schemaFromJson(schemaJson);
  const decoded = decodeBody(body, schema);
  if (!decoded.ok) throw new Error(decoded.diagnostics.map(formatDiagnostic).join('\n'));
  return encodeBody(decoded.value, schema);
}

describe('alloyjson conformance', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases.filter((c) => c.kind === 'value')) {
    it(`value: ${c.name}`, () => {
      expect(JSON.parse(marshalValue(evaluated(c.input)))).toEqual(c.expect);
    });
  }

  for (const c of cases.filter((c) => c.kind === 'body')) {
    it(`body: ${c.name}`, () => {
      const { file, diagnostics } = parseFile(c.input);
      expect(diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(JSON.parse(marshalBody(bodyOf(file.body, c.schema)))).toEqual(c.expect);
    });
  }
});
