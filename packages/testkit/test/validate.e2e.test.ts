/** `ingot validate` (spec §5.4): silent success, or every diagnostic and exit 1. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngot } from '../src/index.js';
import { passthrough } from './support.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingot-testkit-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('ingot validate', { timeout: 30_000 }, () => {
  it('prints nothing and exits 0 for a valid config', async () => {
    const path = write('good.alloy', passthrough('x', '"one"') + passthrough('y', 'testcomponents.passthrough.x.output'));
    expect(await runIngot(['validate', path])).toEqual({ code: 0, signal: null, stdout: '', stderr: '' });
  });

  it('shows every problem it finds without running, in context, and exits 1', async () => {
    const path = write(
      'many.alloy',
      passthrough('x', 'testcomponents.passthrough.y.output') +
        passthrough('y', 'testcomponents.passthrough.x.output') +
        passthrough('z', 'true') +
        'nope.thing "w" {}\n',
    );
    expect(await runIngot(['validate', path])).toEqual({
      code: 1,
      signal: null,
      stdout: '\n',
      stderr:
        `Error: ${path}:10:1: cannot find the definition of component name "nope.thing"\n` +
        '\n' +
        ' 9 | }\n' +
        '10 | nope.thing "w" {}\n' +
        '   | ^^^^^^^^^^^^^^^^^\n' +
        '11 | \n' +
        '\n' +
        // A cycle is reported once per member, on its block.
        `Error: ${path}:1:1: cycle detected: testcomponents.passthrough.x, testcomponents.passthrough.y\n` +
        '\n' +
        '1 |   testcomponents.passthrough "x" {\n' +
        '  |  _^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n' +
        '2 | |   input = testcomponents.passthrough.y.output\n' +
        '3 | | }\n' +
        '  | |_^\n' +
        '4 |   testcomponents.passthrough "y" {\n' +
        '\n' +
        `Error: ${path}:4:1: cycle detected: testcomponents.passthrough.x, testcomponents.passthrough.y\n` +
        '\n' +
        '3 |   }\n' +
        '4 |   testcomponents.passthrough "y" {\n' +
        '  |  _^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n' +
        '5 | |   input = testcomponents.passthrough.x.output\n' +
        '6 | | }\n' +
        '  | |_^\n' +
        '7 |   testcomponents.passthrough "z" {\n' +
        '\n' +
        `Error: ${path}:8:11: true should be string, got bool\n` +
        '\n' +
        '7 | testcomponents.passthrough "z" {\n' +
        '8 |   input = true\n' +
        '  |           ^^^^\n' +
        '9 | }\n' +
        'Error: validation failed\n',
    });
  });
});
