/**
 * Upstream parser fixtures: valid files parse cleanly, invalid files report exactly the
 * errors their inline `/* ERROR "regex" *\/` markers expect, fuzz inputs terminate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scanner, parseFile, tokenName } from '../../src/index.js';
import { decodeSourceText } from '../../src/source/source-text.js';
import { conformanceDir } from './conformance-dir.js';

const dir = conformanceDir('syntax', 'parser');
const files = (sub: string): string[] => readdirSync(join(dir, sub)).sort();

describe('valid files parse without diagnostics', () => {
  it.each(files('valid'))('%s', (name) => {
    const { diagnostics } = parseFile(readFileSync(join(dir, 'valid', name)), { filename: name });
    expect(diagnostics).toEqual([]);
  });
});

const MARKER = /^\/\* *ERROR *(HERE)? *"([^"]*)" *\*\/$/;

/** Expected errors by byte offset, read from the markers as upstream's error_test.go does. */
function expectedErrors(source: string): Map<number, RegExp> {
  const scanner = new Scanner(source);
  const expected = new Map<number, RegExp>();
  let prev = { offset: 0, length: 0 };
  for (let tok = scanner.scan(); tok.tokenType.name !== 'EOF'; tok = scanner.scan()) {
    const name = tokenName(tok.tokenType);
    if (name === 'COMMENT') {
      const match = MARKER.exec(tok.image);
      if (match) expected.set(match[1] ? prev.offset + prev.length : prev.offset, new RegExp(match[2]!));
    } else if (!(name === 'TERMINATOR' && tok.image === '\n')) {
      const literal = ['IDENT', 'NUMBER', 'FLOAT', 'STRING'].includes(name);
      prev = { offset: tok.startOffset, length: Buffer.byteLength(literal ? tok.image : name) };
    }
  }
  return expected;
}

describe('invalid files report the marked errors', () => {
  it.each(files('invalid'))('%s', (name) => {
    const source = decodeSourceText(readFileSync(join(dir, 'invalid', name)));
    const expected = expectedErrors(source);
    expect(expected.size).toBeGreaterThan(0);
    const { diagnostics } = parseFile(source, { filename: name });
    for (const d of diagnostics) {
      const pattern = expected.get(d.start.offset);
      expect(pattern, `unexpected error at ${d.start.line}:${d.start.column}: ${d.message}`).toBeDefined();
      expect(d.message).toMatch(pattern!);
      expected.delete(d.start.offset);
    }
    expect([...expected.entries()].map(([offset, rx]) => `${offset}: ${rx.source}`), 'markers without an error').toEqual([]);
  });
});

describe('fuzz corpus inputs terminate', () => {
  it.each(files('fuzz'))('%s', (name) => {
    const { file, diagnostics } = parseFile(readFileSync(join(dir, 'fuzz', name)));
    expect(file.kind).toBe('File');
    expect(diagnostics.length).toBeGreaterThan(0);
  });
});
