/**
 * Upstream `TestPrinter` (conformance README §4): every `NAME.in` either fails to parse
 * with an error containing `NAME.error`, or formats exactly to `NAME.expect` (with the
 * expect file's trailing whitespace removed: the formatter writes no final newline).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeDiagnostics } from '../../src/diag/diagnostic.js';
import { parseFile } from '../../src/parser/parse.js';
import { format } from '../../src/printer/format.js';
import { conformanceDir } from './conformance-dir.js';

const dir = conformanceDir('syntax', 'printer');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.in'))
  .map((f) => f.slice(0, -'.in'.length))
  .sort();

const read = (name: string): string => readFileSync(join(dir, name), 'utf8').replaceAll('\r\n', '\n');

describe('printer conformance', () => {
  it('has cases', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const name of names) {
    const errorFile = `${name}.error`;

    if (existsSync(join(dir, errorFile))) {
      it(`${name}: fails to parse`, () => {
        const { diagnostics } = parseFile(readFileSync(join(dir, `${name}.in`)), {
          filename: `TestPrinter/${name}.rvr`,
        });
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(summarizeDiagnostics(diagnostics)).toContain(read(errorFile));
      });
      continue;
    }

    it(`${name}: formats to ${name}.expect`, () => {
      const { file, diagnostics } = parseFile(readFileSync(join(dir, `${name}.in`)), {
        filename: `TestPrinter/${name}.rvr`,
      });
      expect(diagnostics).toEqual([]);
      const expected = readFileSync(join(dir, `${name}.expect`), 'utf8').replace(/\s+$/u, '');
      expect(format(file)).toBe(expected);
    });
  }
});
