/**
 * Helpers for the printer tests: parse-and-format, and the structural comparison behind
 * "the output re-parses to the same tree".
 */
import { expect } from 'vitest';
import type { File } from '../../src/ast/nodes.js';
import { parseFile } from '../../src/parser/parse.js';
import { format, type FormatOptions } from '../../src/printer/format.js';
import { commentTexts, stripPositions } from './ast-compare.js';

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
  expect(stripPositions(reparsed.body), `tree of ${JSON.stringify(output)}`).toEqual(stripPositions(original.body));
  expect(commentTexts(reparsed)).toEqual(commentTexts(original));
  expect(format(reparsed), `formatting ${JSON.stringify(output)} again`).toBe(output);
}
