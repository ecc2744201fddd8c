/**
 * Upstream's diagnostic printer tests (`syntax/diag/printer_test.go`), as data: every
 * `NAME.diags.json` in the conformance `diag/` folder is rendered against its source files
 * and compared byte for byte with `NAME.expect`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import { renderDiagnostics } from '../../src/diag/render.js';
import type { Position } from '../../src/source/position.js';
import { conformanceDir } from './conformance-dir.js';

interface DiagCase {
  readonly file: string;
  readonly severity: 'error' | 'warning';
  readonly start: string;
  readonly end: string | null;
  readonly message: string;
  readonly value: string;
}

const dir = conformanceDir('syntax', 'diag');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.diags.json'))
  .map((f) => f.slice(0, -'.diags.json'.length))
  .sort();

/** `NAME.alloy`, or `NAME.<file>.alloy` per file when the case spans several files. */
function sourceFor(name: string, file: string): Uint8Array {
  const single = join(dir, `${name}.alloy`);
  const perFile = join(dir, `${name}.${file}.alloy`);
  return readFileSync(readdirSync(dir).includes(`${name}.${file}.alloy`) ? perFile : single);
}

/** A `line:col` position with its byte offset computed from the source. */
function position(source: Uint8Array, lineCol: string): Position {
  const [line = 0, column = 0] = lineCol.split(':').map(Number);
  let offset = 0;
  for (let l = 1; l < line; l++) offset = source.indexOf(0x0a, offset) + 1;
  return { offset: offset + column - 1, line, column };
}

describe('diag conformance', () => {
  it('finds the cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  it.each(names)('%s', (name) => {
    const cases = JSON.parse(readFileSync(join(dir, `${name}.diags.json`), 'utf8')) as DiagCase[];
    const files = new Map<string, Uint8Array>();
    for (const c of cases) if (!files.has(c.file)) files.set(c.file, sourceFor(name, c.file));

    const diags = cases.map((c): Diagnostic => {
      const source = files.get(c.file) ?? new Uint8Array();
      const base = { severity: c.severity, message: c.message, file: c.file, value: c.value };
      const start = position(source, c.start);
      return c.end === null ? { ...base, start } : { ...base, start, end: position(source, c.end) };
    });

    const expected = readFileSync(join(dir, `${name}.expect`), 'utf8');
    expect(renderDiagnostics(diags, files)).toBe(expected);
  });
});
