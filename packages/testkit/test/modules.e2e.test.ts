/** `ingot run` with modules: an imported declare, its module in the API, and a live module update. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../src/index.js';
import { str, useIngot } from './support.js';

const start = useIngot();

/** A module whose `relay` declare passes its input through a passthrough with a suffix. */
const relayModule = (suffix: string) =>
  [
    'declare "relay" {',
    '  argument "input" {}',
    `  testcomponents.passthrough "inner" { input = argument.input.value + ${str(suffix)} }`,
    '  testcomponents.lifecycle "life" {',
    `    file = file.path_join(module_path, "events")`,
    '  }',
    '  export "output" { value = testcomponents.passthrough.inner.output }',
    '}',
    '',
  ].join('\n');

interface Info {
  readonly localID: string;
  readonly moduleID: string;
  readonly name: string;
  readonly createdModuleIDs?: readonly string[];
  readonly exports: readonly { readonly name: string; readonly value: { readonly value: unknown } }[];
}

describe('ingot run: modules', { timeout: 30_000 }, () => {
  it('runs imported declares, shows their modules, and follows a module update without restarting what did not change', async () => {
    const ingot = await start({
      config: (dir) => {
        writeFileSync(join(dir, 'lib.alloy'), relayModule('-v1'));
        return (
          `import.file "lib" {\n  filename = ${str(join(dir, 'lib.alloy'))}\n  detector = "poll"\n  poll_frequency = "100ms"\n}\n` +
          'lib.relay "a" { input = "x" }\n' +
          'testcomponents.passthrough "out" { input = lib.relay.a.output }\n'
        );
      },
    });

    const output = async () => {
      const info = JSON.parse((await ingot.request('/api/v0/web/components/testcomponents.passthrough.out')).body) as Info;
      return info.exports[0]?.value.value;
    };
    await waitFor(async () => (await output()) === 'x-v1', { description: 'the module output' });

    const instance = JSON.parse((await ingot.request('/api/v0/web/components/lib.relay.a')).body) as Info;
    expect(instance).toMatchObject({ name: 'lib.relay', localID: 'lib.relay.a', moduleID: '', createdModuleIDs: ['lib.relay.a'] });
    expect(instance.exports).toEqual([{ name: 'output', type: 'attr', value: { type: 'string', value: 'x-v1' } }]);

    const inner = JSON.parse((await ingot.request('/api/v0/web/modules/lib.relay.a/components')).body) as Info[];
    expect(inner.map((c) => `${c.moduleID}/${c.localID}`).sort()).toEqual([
      'lib.relay.a/testcomponents.lifecycle.life',
      'lib.relay.a/testcomponents.passthrough.inner',
    ]);
    const detail = await ingot.request('/api/v0/web/components/lib.relay.a/testcomponents.passthrough.inner');
    expect(JSON.parse(detail.body)).toMatchObject({ localID: 'testcomponents.passthrough.inner', moduleID: 'lib.relay.a' });
    expect(await ingot.request('/api/v0/web/modules/nope/components')).toMatchObject({ status: 500, body: 'module not found\n' });

    // Inner components' metrics carry the module's path.
    const metrics = await ingot.request('/metrics');
    expect(metrics.body).toContain('controller_path="/",controller_id="lib.relay.a"');

    // A new module version: the passthrough is updated, the lifecycle component keeps running.
    writeFileSync(join(ingot.dir, 'lib.alloy'), relayModule('-v2'));
    await waitFor(async () => (await output()) === 'x-v2', { description: 'the updated module output' });
    const events = readFileSync(join(ingot.dir, 'events'), 'utf8').trim().split('\n');
    expect(events).toEqual(['start lib.relay.a/testcomponents.lifecycle.life']);

    // Broken content is refused: the last good module stays and the instance keeps running.
    writeFileSync(join(ingot.dir, 'lib.alloy'), 'declare "relay" {\n');
    await waitFor(async () => ingot.logLines().some((line) => line.includes('cannot be parsed')) || undefined, {
      description: 'the broken module to be noticed',
    });
    expect(await output()).toBe('x-v2');
    expect(readFileSync(join(ingot.dir, 'events'), 'utf8').trim().split('\n')).toEqual(['start lib.relay.a/testcomponents.lifecycle.life']);
  });
});
