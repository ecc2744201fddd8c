import { readFileSync } from 'node:fs';
import type { AlloyJson } from '../support/alloy-json.js';
import { conformanceDir } from './conformance-dir.js';

/** A case of eval.json or stdlib.json (conformance README §6-7). */
export interface ExpressionCase {
  readonly name: string;
  readonly expr: string;
  readonly expect?: AlloyJson;
  /** An RE2 pattern; the ones in the data are also valid JavaScript patterns. */
  readonly error?: string;
  /** Variables in scope besides the standard library. */
  readonly scope?: Readonly<Record<string, AlloyJson>>;
  /** The whole environment `sys.env` sees. */
  readonly env?: Readonly<Record<string, string>>;
  readonly stability?: 'experimental';
  /** The result is an array whose order upstream does not fix. */
  readonly unordered?: boolean;
}

export function loadExpressionCases(file: 'eval.json' | 'stdlib.json'): ExpressionCase[] {
  return JSON.parse(readFileSync(`${conformanceDir('syntax')}/${file}`, 'utf8')) as ExpressionCase[];
}
