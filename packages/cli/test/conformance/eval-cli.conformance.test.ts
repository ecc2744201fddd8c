/**
 * `ingot eval --format=json` answers every upstream evaluation and standard-library case
 * (eval.json, stdlib.json) exactly: the command is run in-process, as a user would run it,
 * with the case's environment and, where a case needs one, its scope.
 */
import { describe, expect, it } from 'vitest';
import { scopeOf } from '@ingot/syntax';
import { loadExpressionCases, type ExpressionCase } from '../../../syntax/test/conformance/expression-cases.js';
import { fromAlloyJson, type AlloyJson } from '../../../syntax/test/support/alloy-json.js';
import { evalCommand, EXPRESSION_NAME } from '../../src/commands/eval.js';
import { fakeIo } from '../fake-io.js';


/** Arrays compared as multisets where upstream's order is unspecified. */
function sortedElements(json: AlloyJson): string[] {
  if (json.type !== 'array') throw new Error('an unordered result must be an array');
  return json.value.map((e) => JSON.stringify(e)).sort();
}

function run(c: ExpressionCase): { code: number; stdout: string; stderr: string } {
  const io = fakeIo({ env: { ...c.env } });
  const scope = c.scope ? scopeOf(Object.fromEntries(Object.entries(c.scope).map(([k, v]) => [k, fromAlloyJson(v)]))) : undefined;
  const code = evalCommand(
    {
      expression: c.expr,
      format: 'json',
      stabilityLevel: c.stability === 'experimental' ? 'experimental' : 'generally-available',
      ...(scope ? { scope } : {}),
    },
    io,
  );
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe.each(['eval.json', 'stdlib.json'] as const)('ingot eval --format=json: %s', (file) => {
  it.each(loadExpressionCases(file).map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { code, stdout, stderr } = run(c);
    if (c.error !== undefined) {
      expect(code, stdout).toBe(1);
      // The header names the expression as a file: `Error: <expr>:1:5: message`.
      const header = stderr.split('\n', 1)[0]!;
      const prefix = `Error: ${EXPRESSION_NAME}:`;
      expect(header.startsWith(prefix), header).toBe(true);
      expect(header.slice(prefix.length)).toMatch(new RegExp(c.error));
      return;
    }
    expect(code, stderr).toBe(0);
    const actual = JSON.parse(stdout) as AlloyJson;
    if (c.unordered) expect(sortedElements(actual)).toEqual(sortedElements(c.expect!));
    else expect(actual).toEqual(c.expect);
  });
});
