import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quote } from '@ingot/syntax';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, decodeArguments, startRun, tempDir, waitFor } from './support/harness.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
const stops: (() => Promise<void>)[] = [];
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  // The next test counts handles: let the ones closed here be released first.
  await waitFor(() => watchers() === 0, 'the watches of this test to be released');
  await dir.remove();
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir.path, name);
  await writeFile(path, text);
  return path;
}

const argsFor = (path: string, extra = '') => decodeArguments(`filename = ${quote(path)}\n${extra}`);

/**
 * Builds and runs; the run is stopped after the test. `run` reads once as it starts (for
 * changes made before it); waiting for that read means later reads have another cause.
 */
async function running(path: string, extra = '') {
  const harness = await build(argsFor(path, extra));
  const run = startRun(harness.component);
  stops.push(() => run.stop());
  await waitFor(() => harness.exports.length >= 2, 'the read at the start of run');
  return harness;
}

/**
 * Watchers and timers alive in this process. A closed watcher is released by the event loop
 * a moment after `close()`, so checks for its absence wait for it.
 */
const count = (kind: string) => process.getActiveResourcesInfo().filter((k) => k === kind).length;
const watchers = () => count('FSEventWrap');
const handles = () => ({ watchers: watchers(), timers: count('Timeout') });
const sameHandles = (a: ReturnType<typeof handles>, b: ReturnType<typeof handles>) =>
  a.watchers === b.watchers && a.timers === b.timers;

describe('the fsnotify detector', () => {
  // A minute-long poll, so only the watch can notice a change before the wait gives up.
  it('exports a change made in place', async () => {
    const path = await file('a.txt', 'one');
    const { latest } = await running(path);
    await writeFile(path, 'two');
    await waitFor(() => latest() === 'two', 'the new content');
  });

  it('follows a file replaced by rename, as editors save', async () => {
    const path = await file('a.txt', 'one');
    const { latest } = await running(path);
    const temp = await file('a.txt.tmp', 'two');
    await rename(temp, path);
    await waitFor(() => latest() === 'two', 'the renamed-in content');
    // The watch moved to the new file: in-place writes to it are seen too. (The first may
    // still meet a read the rename's events asked for; the second can only come from a watch.)
    await writeFile(path, 'three');
    await waitFor(() => latest() === 'three', 'a change to the replacement file');
    await writeFile(path, 'four');
    await waitFor(() => latest() === 'four', 'another change to the replacement file');
  });

  it('also re-reads every poll_frequency', async () => {
    const path = await file('a.txt', 'one');
    const { exports } = await running(path, 'poll_frequency = "20ms"');
    // Nothing changes, yet reads keep happening (the runtime drops the equal exports).
    await waitFor(() => exports.length >= 4, 'periodic re-reads');
    expect(new Set(exports.map((e) => e.content.reveal()))).toEqual(new Set(['one']));
  });

  it('goes unhealthy when the file disappears, keeps the last content, and recovers', async () => {
    const path = await file('a.txt', 'one');
    const { component, latest, logger } = await running(path, 'poll_frequency = "50ms"');
    await rm(path);
    const message = `failed to read file: open ${path}: no such file or directory`;
    await waitFor(() => component.currentHealth!().message === message, 'unhealthy');
    expect(component.currentHealth!().state).toBe('unhealthy');
    expect(latest()).toBe('one');
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'failed to read file',
        fields: expect.objectContaining({ path, err: `open ${path}: no such file or directory` }),
      }),
    );
    // The periodic tick tries to watch the missing file again, and says so.
    await waitFor(() => logger.messages('warn').includes('failed re-watch file'), 'the re-watch warning');

    await writeFile(path, 'two');
    await waitFor(() => latest() === 'two', 'the recreated content');
    expect(component.currentHealth!()).toMatchObject({ state: 'healthy', message: 'read file' });
  });

  it('warns when the file cannot be watched at start, and picks it up once it exists', async () => {
    const path = await file('a.txt', 'one');
    const harness = await build(argsFor(path, 'poll_frequency = "50ms"'));
    await rm(path);
    const run = startRun(harness.component);
    stops.push(() => run.stop());
    await waitFor(() => harness.logger.messages('warn').includes('failed to watch file'), 'the watch warning');
    await writeFile(path, 'two');
    await waitFor(() => harness.latest() === 'two', 'the created file');
  });

  it('reads a change made between build and run', async () => {
    const path = await file('a.txt', 'one');
    const harness = await build(argsFor(path));
    await writeFile(path, 'two');
    const run = startRun(harness.component);
    stops.push(() => run.stop());
    await waitFor(() => harness.latest() === 'two', 'the content written before run');
  });
});

describe('the poll detector', () => {
  it('exports a change on the next poll, without watching', async () => {
    const path = await file('a.txt', 'one');
    const { latest } = await running(path, 'detector = "poll"\npoll_frequency = "50ms"');
    expect(watchers()).toBe(0);
    await writeFile(path, 'two');
    await waitFor(() => latest() === 'two', 'the polled content');
  });
});

describe('updates while running', () => {
  it('watches the new file after switching filename', async () => {
    const a = await file('a.txt', 'A');
    const b = await file('b.txt', 'B');
    const { component, latest } = await running(a);
    await waitFor(() => watchers() === 1, 'the watch');
    await component.update(argsFor(b));
    expect(latest()).toBe('B');
    await waitFor(() => watchers() === 1, 'the old watch to be released');
    await writeFile(b, 'B2');
    await waitFor(() => latest() === 'B2', 'the change to the new file');
  });

  it('switches from fsnotify to poll', async () => {
    const a = await file('a.txt', 'A');
    const { component, latest } = await running(a);
    await waitFor(() => watchers() === 1, 'the watch');
    await component.update(argsFor(a, 'detector = "poll"\npoll_frequency = "50ms"'));
    await waitFor(() => watchers() === 0, 'the watch to be released');
    await writeFile(a, 'A2');
    await waitFor(() => latest() === 'A2', 'the polled change');
  });

  it('keeps the old file and detector after a refused update', async () => {
    const a = await file('a.txt', 'A');
    const { component, latest } = await running(a);
    await expect(component.update(argsFor(join(dir.path, 'missing')))).rejects.toThrow(/^failed to read file: /);
    await writeFile(a, 'A2');
    await waitFor(() => latest() === 'A2', 'the change to the old file');
    expect(component.currentHealth!()).toMatchObject({ state: 'healthy', message: 'read file' });
  });
});

describe('stopping', () => {
  it('returns once aborted and leaves no handle behind', async () => {
    const before = handles();
    const path = await file('a.txt', 'one');
    const harness = await build(argsFor(path, 'poll_frequency = "20ms"'));
    const run = startRun(harness.component);
    await waitFor(() => watchers() === before.watchers + 1, 'the watch');
    expect(handles().timers).toBeGreaterThan(before.timers);
    await run.stop();
    await waitFor(() => sameHandles(handles(), before), 'every handle to be released');
  });

  it('holds no handle when built but never run', async () => {
    const before = handles();
    const path = await file('a.txt', 'one');
    const { component } = await build(argsFor(path, 'poll_frequency = "20ms"'));
    await component.update(argsFor(path, 'detector = "poll"'));
    expect(handles()).toEqual(before);
  });

  it('returns at once when the signal is already aborted', async () => {
    const path = await file('a.txt', 'one');
    const { component, exports } = await build(argsFor(path));
    await component.run(AbortSignal.abort());
    await waitFor(() => watchers() === 0, 'the watch to be released');
    expect(exports).toHaveLength(1);
  });

  it('can run again after a run ended', async () => {
    const path = await file('a.txt', 'one');
    const { component, latest } = await build(argsFor(path));
    await startRun(component).stop();
    const run = startRun(component);
    stops.push(() => run.stop());
    await writeFile(path, 'two');
    await waitFor(() => latest() === 'two', 'the change seen by the second run');
  });

  it('stops reading after run returned; exports stay', async () => {
    const path = await file('a.txt', 'one');
    const { component, latest, exports } = await build(argsFor(path, 'poll_frequency = "20ms"'));
    const run = startRun(component);
    await waitFor(() => exports.length >= 2, 'a periodic read');
    await run.stop();
    const count = exports.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(exports.length).toBe(count);
    expect(latest()).toBe('one');
  });
});
