/**
 * Upstream decoding cases (`syntax/vm` block tests), as data: each input is parsed and
 * decoded into the schema the case describes, and the decoded object compared with the
 * expected alloyjson object, or the first diagnostic matched against the expected pattern.
 *
 * Two deliberate differences from upstream shape the error comparison:
 * - Ingot reports every error of a block, upstream only the first. Ingot's diagnostics come
 *   in source order with the body-level checks last, which is the order upstream meets
 *   them in, so the FIRST diagnostic is the one upstream returns.
 * - Upstream's `missing required attribute/block` is a plain error without a position
 *   (`err.Error()` is the bare message; its TODO says "change to diagnostics"). Ingot gives
 *   it the enclosing block's span, as upstream's own `typecheck` does. For those cases the
 *   pattern is matched against the bare message, and the position is checked to be the
 *   block's start (or no position for a file body, which has no enclosing block).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Block, File } from '../../src/ast/nodes.js';
import { formatDiagnostic, type Diagnostic } from '../../src/diag/diagnostic.js';
import { scopeOf } from '../../src/eval/scope.js';
import type { Value } from '../../src/eval/value.js';
import { parseFile } from '../../src/parser/parse.js';
import { format } from '../../src/printer/format.js';
import { decodeBlock, decodeBody, type DecodeResult } from '../../src/schema/decode-body.js';
import { fromAlloyJson, type AlloyJson } from '../support/alloy-json.js';
import { decodedToJson, schemaFromJson, type SchemaJson } from '../support/schema-notation.js';
import { conformanceDir } from './conformance-dir.js';

interface DecodeCase {
  readonly name: string;
  readonly input_kind: 'block' | 'file';
  readonly schema: SchemaJson;
  readonly input: string;
  readonly expect?: AlloyJson;
  /** An RE2 pattern; the ones in the data are also valid JavaScript patterns. */
  readonly error?: string;
  readonly scope?: Readonly<Record<string, AlloyJson>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly filename?: string;
  /** The Go kind upstream asserts for a value decoded into `any`. */
  readonly go_kind?: 'int' | 'uint64' | 'float64';
}

const cases = JSON.parse(readFileSync(`${conformanceDir('syntax')}/decode.json`, 'utf8')) as DecodeCase[];

/** The Go kind upstream's `decodeAny` gives a number: int unless it only fits uint64, or a float. */
function goKind(value: Value): string {
  if (value.type !== 'number') return value.type;
  if (value.kind === 'float') return 'float64';
  return value.kind === 'uint' && value.value > 2n ** 63n - 1n ? 'uint64' : 'int';
}

function decode(c: DecodeCase): { result: DecodeResult<Record<string, unknown>>; file: File; block?: Block } {
  const parsed = parseFile(c.input, { filename: c.filename ?? '' });
  expect(parsed.diagnostics).toEqual([]);
  const schema = schemaFromJson(c.schema);
  const scope = c.scope && scopeOf(new Map(Object.entries(c.scope).map(([k, v]) => [k, fromAlloyJson(v)])));
  const options = { filename: c.filename ?? '' };
  const { file } = parsed;
  if (c.input_kind === 'file') return { result: decodeBody(file.body, schema, scope, options), file };
  const [block] = file.body;
  if (block?.kind !== 'Block') throw new Error('a block case must hold one block');
  return { result: decodeBlock(block, schema, scope, options), file, block };
}

/** Upstream's `err.Error()` for Ingot's first diagnostic, and the check of any deliberate difference. */
function upstreamError(first: Diagnostic, block: Block | undefined): string {
  if (!first.message.startsWith('missing required ')) return formatDiagnostic(first);
  expect(first.start).toEqual(block?.start ?? expect.objectContaining({ line: 0 }));
  return first.message;
}

const savedEnv = new Map<string, string | undefined>();
afterEach(() => {
  for (const [key, value] of savedEnv) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  savedEnv.clear();
});

describe('upstream decoding cases', () => {
  it('finds the cases', () => {
    expect(cases.length).toBe(44);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    for (const [key, value] of Object.entries(c.env ?? {})) {
      savedEnv.set(key, process.env[key]);
      process.env[key] = value;
    }
    const { result, file, block } = decode(c);

    if (c.error !== undefined) {
      expect(result.ok, 'decoding should fail').toBe(false);
      if (result.ok) return;
      expect(upstreamError(result.diagnostics[0]!, block)).toMatch(new RegExp(c.error));
      return;
    }
    if (!result.ok) expect.fail(result.diagnostics.map(formatDiagnostic).join('\n'));
    expect(decodedToJson(result.value, c.schema)).toEqual(c.expect);
    if (c.go_kind !== undefined) expect(goKind(result.value.anything as Value)).toBe(c.go_kind);
    if (c.name === 'TestVM_AnnotatesSecrets') {
      // The printer with the decoder's redactions shows the password as (secret), never its text.
      const printed = format(file, { redact: result.redact });
      expect(printed).toContain('password          = "(secret)"');
      expect(printed).not.toContain('my_password');
    }
  });
});
