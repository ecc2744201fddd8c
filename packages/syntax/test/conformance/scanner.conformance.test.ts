/** Upstream scanner cases: token streams, first-token errors and identifier helpers. */
import { readFileSync } from 'node:fs';
import type { IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { Scanner, isValidIdentifier, sanitizeIdentifier, tokenName } from '../../src/index.js';
import { decodeSourceText, encodeSourceText } from '../../src/source/source-text.js';
import { conformanceDir } from './conformance-dir.js';

interface ScannerCase {
  name: string;
  input: string | null;
  input_bytes_hex?: string;
  first_token_only?: boolean;
  tokens?: { tok: string; lit?: string | null; lit_bytes_hex?: string; pos: string }[];
  errors?: { pos: string; offset: number; msg: string }[];
  is_valid_identifier?: boolean;
  sanitized?: string;
  sanitize_error?: string;
}

const cases = JSON.parse(
  readFileSync(`${conformanceDir('syntax')}/scanner.json`, 'utf8'),
) as ScannerCase[];

describe('scanner token cases', () => {
  it.each(cases.filter((c) => c.tokens).map((c) => [c.name, c] as const))('%s', (_, c) => {
    const source = c.input ?? decodeSourceText(Buffer.from(c.input_bytes_hex!, 'hex'));
    const scanner = new Scanner(source, { insertTerminators: false });
    const tokens: IToken[] = [];
    for (;;) {
      const tok = scanner.scan();
      tokens.push(tok);
      if (c.first_token_only || tok.tokenType.name === 'EOF') break;
    }
    expect(tokens.length).toBe(c.tokens!.length);
    c.tokens!.forEach((want, i) => {
      const got = tokens[i]!;
      expect(tokenName(got.tokenType), `token ${i}`).toBe(want.tok);
      expect(`${got.startLine}:${got.startColumn}`, `position of token ${i}`).toBe(want.pos);
      const isOperator = !/^[A-Z]+$/.test(want.tok);
      const literal = isOperator || want.tok === 'EOF' ? '' : got.image;
      if (want.lit_bytes_hex !== undefined) {
        expect(Buffer.from(encodeSourceText(literal)).toString('hex')).toBe(want.lit_bytes_hex);
      } else if (want.lit !== undefined && want.lit !== null) {
        expect(literal, `literal of token ${i}`).toBe(want.lit);
      }
    });
    expect(scanner.errors.map((e) => ({ pos: `${e.line}:${e.column}`, offset: e.offset, msg: e.message })))
      .toEqual(c.errors ?? []);
  });
});

describe('identifier helpers', () => {
  it.each(cases.filter((c) => c.is_valid_identifier !== undefined).map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(isValidIdentifier(c.input!)).toBe(c.is_valid_identifier);
  });
  it.each(cases.filter((c) => c.sanitized !== undefined || c.sanitize_error).map((c) => [c.name, c] as const))('%s', (_, c) => {
    if (c.sanitize_error) expect(() => sanitizeIdentifier(c.input!)).toThrow(c.sanitize_error);
    else expect(sanitizeIdentifier(c.input!)).toBe(c.sanitized);
  });
});
