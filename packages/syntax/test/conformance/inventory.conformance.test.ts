/**
 * Every entry of the upstream syntax data is run by a conformance test here, or listed
 * below with the reason it is not run yet, so nothing is skipped silently.
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
};

/** Expression evaluation, the standard library and decoding arrive with the evaluator. */
const PENDING: Readonly<Record<string, string>> = {
  'decode.json': 'decoding into typed arguments: the evaluator issue (#4)',
  'alloyjson.json': 'alloyjson value encoding: the evaluator issue (#4)',
};

describe('upstream syntax data inventory', () => {
  const entries = readdirSync(conformanceDir('syntax')).sort();

  it('has a runner or a stated reason for every entry', () => {
    const unclaimed = entries.filter((e) => !(e in RUNNERS) && !(e in PENDING));
    expect(unclaimed, 'entries no conformance test runs').toEqual([]);
  });

  it('lists as pending only entries that exist', () => {
    expect(Object.keys(PENDING).filter((e) => !entries.includes(e))).toEqual([]);
  });

  // Not run yet, each for the reason given in its name.
  for (const [entry, reason] of Object.entries(PENDING)) it.skip(`${entry}: ${reason}`, () => {});
});
