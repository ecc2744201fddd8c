/**
 * Helpers for the printer tests: parse-and-format, and the structural comparison behind
 * "the output re-parses to the same tree".
 */
import { expect } from 'vitest';
import type { File } from '../../src/ast/nodes.js';
import { parseFile } from '../../src/parser/parse.js';
import { format, type FormatOptions } from '../../src/printer/format.js';

export function parse(source: string): File {
  const { file, diagnostics } = parseFile(source);
  expect(diagnostics.map((d) => d.message), `parsing ${JSON.stringify(source)}`).toEqual([]);
  return file;
}

export function fmt(source: string, options?: FormatOptions): string {
  return format(parse(source), options);
}

/**
 * Asserts what every formatter output must satisfy: it parses, to the same tree and the
 * same comments, and formatting it again changes nothing.
 */
export function expectStable(source: string): void {
  const original = parse(source);
  const output = format(original);
  const reparsed = parse(output);
  expect(shape(reparsed.body), `tree of ${JSON.stringify(output)}`).toEqual(shape(original.body));
  expect(commentTexts(reparsed)).toEqual(commentTexts(original));
  expect(format(reparsed), `formatting ${JSON.stringify(output)} again`).toBe(output);
}

/** A node without its positions. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node === null || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!POSITION_KEYS.has(key)) result[key] = shape(value);
  }
  return result;
}

const POSITION_KEYS = new Set(['start', 'end', 'lCurly', 'lBrack', 'lParen', 'labelPos', 'operatorPos']);

function commentTexts(file: File): string[] {
  return file.comments.flatMap((group) => group.map((c) => c.text));
}
