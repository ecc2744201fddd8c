/**
 * Golden pairs in `test/fixtures/printer/`: `NAME.in.alloy` formats to `NAME.expect.alloy`
 * as `alloy fmt` writes it (with one final newline), and the expected file is already
 * formatted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectStable, fmt } from '../../test/support/format.js';

const dir = fileURLToPath(new URL('../../test/fixtures/printer/', import.meta.url));
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.in.alloy'))
  .map((f) => f.slice(0, -'.in.alloy'.length));

const read = (file: string): string => readFileSync(dir + file, 'utf8');

describe('printer golden files', () => {
  it('finds the fixtures', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  describe.each(names)('%s', (name) => {
    const input = read(`${name}.in.alloy`);
    const expected = read(`${name}.expect.alloy`);

    it('formats to the expected file', () => {
      expect(fmt(input) + '\n').toBe(expected);
    });

    it('leaves the expected file unchanged', () => {
      expect(fmt(expected) + '\n').toBe(expected);
    });

    it('re-parses to the same tree and comments', () => {
      expectStable(input);
    });
  });
});
