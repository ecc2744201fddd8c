/**
 * What runs across reloads and at shutdown (spec §1.9, §2.4, §5.2): components are matched
 * by ID, so a reload starts only the new ones, stops only the removed ones and restarts
 * none; SIGTERM and SIGINT stop everything and exit 0. `testcomponents.lifecycle` appends
 * `start <id>` / `stop <id>` to a file each time it starts or stops running.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines, waitFor, type RunningIngot } from '../src/index.js';
import { lifecycle, passthrough, useIngot } from './support.js';

const start = useIngot();

const KEEP = 'testcomponents.lifecycle.keep';
const GONE = 'testcomponents.lifecycle.gone';
const ADDED = 'testcomponents.lifecycle.added';

/** Waits until the lifecycle file has `line`. */
function waitForLine(ingot: RunningIngot, file: string, line: string): Promise<true> {
  return waitFor(() => readLines(file).includes(line), {
    description: `"${line}" in ${file} (has: ${JSON.stringify(readLines(file))})`,
    context: ingot.stderrText,
  });
}

async function reload(ingot: RunningIngot, config: string): Promise<void> {
  ingot.writeConfig(config);
  expect(await ingot.request('/-/reload', { method: 'POST' })).toMatchObject({ status: 200, body: 'config reloaded\n' });
}

describe('ingot run: component lifecycle', { timeout: 30_000 }, () => {
  it('starts added components, stops removed ones and restarts none across reloads', async () => {
    let file = '';
    const ingot = await start({
      config: (dir) => {
        file = join(dir, 'lifecycle.txt');
        return lifecycle('keep', file) + lifecycle('gone', file) + passthrough('p', '"1"');
      },
    });
    await waitForLine(ingot, file, `start ${KEEP}`);
    await waitForLine(ingot, file, `start ${GONE}`);

    // Other components change, several times.
    for (const value of ['2', '3', '4']) await reload(ingot, lifecycle('keep', file) + lifecycle('gone', file) + passthrough('p', `"${value}"`));
    // One is removed…
    await reload(ingot, lifecycle('keep', file) + passthrough('p', '"5"'));
    await waitForLine(ingot, file, `stop ${GONE}`);
    // …one is added…
    await reload(ingot, lifecycle('keep', file) + lifecycle('added', file) + passthrough('p', '"6"'));
    await waitForLine(ingot, file, `start ${ADDED}`);
    // …and the kept one's own arguments change: an update, not a restart.
    await reload(ingot, lifecycle('keep', file, 'updated') + lifecycle('added', file) + passthrough('p', '"7"'));
    const keep = JSON.parse((await ingot.request(`/api/v0/web/components/${KEEP}`)).body) as { exports: unknown };
    expect(keep.exports).toEqual([{ name: 'output', type: 'attr', value: { type: 'string', value: 'updated' } }]);

    // A restart of `keep` would be scheduled by the same synchronize as this removal: once
    // `added` has stopped, it would be in the file.
    await reload(ingot, lifecycle('keep', file, 'updated') + passthrough('p', '"7"'));
    await waitForLine(ingot, file, `stop ${ADDED}`);
    const lines = readLines(file);
    // The first two start together, in either order.
    expect(lines.slice(0, 2).sort()).toEqual([`start ${GONE}`, `start ${KEEP}`]);
    expect(lines.slice(2)).toEqual([`stop ${GONE}`, `start ${ADDED}`, `stop ${ADDED}`]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('stops every component on %s and exits 0', async (signal) => {
    let file = '';
    const ingot = await start({
      config: (dir) => {
        file = join(dir, 'lifecycle.txt');
        return lifecycle('a', file) + lifecycle('b', file) + passthrough('p', 'testcomponents.lifecycle.a.output');
      },
    });
    await waitForLine(ingot, file, 'start testcomponents.lifecycle.a');
    await waitForLine(ingot, file, 'start testcomponents.lifecycle.b');

    ingot.signal(signal);
    expect(await ingot.waitForExit(10_000)).toEqual({ code: 0, signal: null });
    expect(readLines(file).sort()).toEqual([
      'start testcomponents.lifecycle.a',
      'start testcomponents.lifecycle.b',
      'stop testcomponents.lifecycle.a',
      'stop testcomponents.lifecycle.b',
    ]);
    expect(ingot.logLines().at(-1)).toContain('msg="Ingot has shut down"');
  });
});
