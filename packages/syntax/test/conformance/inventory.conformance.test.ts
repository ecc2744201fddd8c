/**
 * Every entry of the upstream syntax data is run by a conformance test here, so nothing is
 * left out silently: a new entry fails this check until a runner claims it.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from './conformance-dir.js';

const RUNNERS: Readonly<Record<string, string>> = {
  'README.md': 'documentation of the data',
  'parser': 'parser.conformance.test.ts',
  'printer': 'printer.conformance.test.ts',
  'scanner.json': 'scanner.conformance.test.ts',
  'diag': 'diag.conformance.test.ts',
  'eval.json': 'eval.conformance.test.ts',
  'stdlib.json': 'stdlib.conformance.test.ts',
  'decode.json': 'decode.conformance.test.ts',
  'alloyjson.json': 'alloyjson.conformance.test.ts',
};

describe('upstream syntax data inventory', () => {
  const entries = readdirSync(conformanceDir('syntax')).sort();

  it('has a runner for every entry', () => {
    const unclaimed = entries.filter((e) => !Object.hasOwn(RUNNERS, e));
    expect(unclaimed, 'entries no conformance test runs').toEqual([]);
  });
});
