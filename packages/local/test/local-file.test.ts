import { writeFile } from 'node:fs/promises';
import { inspect } from 'node:util';
import { join } from 'node:path';
import { quote } from '@ingot/syntax';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, decodeArguments, newContext, tempDir } from './support/harness.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.remove();
});

/** Writes `text` to `name` in the temp dir and returns its path. */
async function file(name: string, text: string): Promise<string> {
  const path = join(dir.path, name);
  await writeFile(path, text);
  return path;
}

const argsFor = (path: string, extra = '') => decodeArguments(`filename = ${quote(path)}\n${extra}`);

describe('building local.file', () => {
  it('exports the file as it is, before the factory resolves', async () => {
    const path = await file('a.txt', '  hello\nworld\n\n');
    const { exports } = await build(argsFor(path));
    expect(exports).toHaveLength(1);
    const content = exports[0]!.content;
    expect(content.reveal()).toBe('  hello\nworld\n\n');
    expect(content.isSecret).toBe(false);
    expect(String(content)).toBe('"  hello\\nworld\\n\\n"');
  });

  it('reports itself healthy after reading', async () => {
    const path = await file('a.txt', 'x');
    const before = Date.now();
    const { component } = await build(argsFor(path));
    const health = component.currentHealth!();
    expect(health).toMatchObject({ state: 'healthy', message: 'read file' });
    expect(health.updateTime.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('exports a secret when is_secret is set', async () => {
    const path = await file('token', 's3cr3t');
    const { exports } = await build(argsFor(path, 'is_secret = true'));
    const content = exports[0]!.content;
    expect(content.isSecret).toBe(true);
    expect(content.reveal()).toBe('s3cr3t');
    expect(String(content)).toBe('(secret)');
    expect(JSON.stringify({ content })).toBe('{"content":"(secret)"}');
    expect(inspect(content)).not.toContain('s3cr3t');
  });

  it('rejects a missing file with the OS error, as Go words it', async () => {
    const path = join(dir.path, 'missing.txt');
    const context = newContext();
    await expect(build(argsFor(path), context)).rejects.toThrow(
      new Error(`failed to read file: open ${path}: no such file or directory`),
    );
    expect(context.exports).toEqual([]);
    expect(context.logger.lines).toContainEqual({
      level: 'error',
      message: 'failed to read file',
      fields: {
        component_path: '/',
        component_id: 'local.file.test',
        path,
        err: `open ${path}: no such file or directory`,
      },
    });
    // Nothing registered for a component that never came to be.
    expect(context.metrics.getMetricsAsArray()).toEqual([]);
  });

  it('rejects a directory', async () => {
    await expect(build(argsFor(dir.path))).rejects.toThrow(/^failed to read file: read .+: /);
  });

  it.each(['0s', '-1s'])('rejects poll_frequency = %s', async (frequency) => {
    const path = await file('a.txt', 'x');
    const context = newContext();
    await expect(build(argsFor(path, `poll_frequency = "${frequency}"`), context)).rejects.toThrow(
      new Error('poll_frequency must be greater than 0'),
    );
    expect(context.exports).toEqual([]);
  });

  it('sets the last-access gauge, with the component\'s labels', async () => {
    const path = await file('a.txt', 'x');
    const before = Date.now() / 1000;
    const { metrics } = await build(argsFor(path));
    const [metric] = (await metrics.getMetricsAsJSON()).filter(
      (m) => m.name === 'local_file_timestamp_last_accessed_unix_seconds',
    );
    expect(metric).toMatchObject({ help: 'The last successful access in unix seconds', type: 'gauge' });
    const [sample] = metric!.values;
    expect(sample!.value).toBeGreaterThanOrEqual(Math.floor(before));
    expect(await metrics.metrics()).toMatch(
      /^local_file_timestamp_last_accessed_unix_seconds\{component_id="local\.file\.test",component_path="\/"\} \d/m,
    );
  });

  it('can be built again on the same registry', async () => {
    const path = await file('a.txt', 'x');
    const context = newContext();
    await build(argsFor(path), context);
    await expect(build(argsFor(path), context)).resolves.toBeDefined();
  });
});

describe('updating local.file', () => {
  it('reads the new file and exports it before resolving', async () => {
    const a = await file('a.txt', 'A');
    const b = await file('b.txt', 'B');
    const { component, latest } = await build(argsFor(a));
    await component.update(argsFor(b));
    expect(latest()).toBe('B');
  });

  it('re-exports the same text as a secret when is_secret changes', async () => {
    const a = await file('a.txt', 'A');
    const { component, exports } = await build(argsFor(a));
    await component.update(argsFor(a, 'is_secret = true'));
    expect(exports.map((e) => String(e.content))).toEqual(['"A"', '(secret)']);
  });

  it('refuses an unreadable file, keeps the last exports and reports unhealthy', async () => {
    const a = await file('a.txt', 'A');
    const missing = join(dir.path, 'missing.txt');
    const { component, exports } = await build(argsFor(a));
    const message = `failed to read file: open ${missing}: no such file or directory`;
    await expect(component.update(argsFor(missing))).rejects.toThrow(new Error(message));
    expect(exports.map((e) => e.content.reveal())).toEqual(['A']);
    expect(component.currentHealth!()).toMatchObject({ state: 'unhealthy', message });
  });

  it('refuses poll_frequency <= 0 without reading', async () => {
    const a = await file('a.txt', 'A');
    const { component, exports } = await build(argsFor(a));
    await expect(component.update(argsFor(a, 'poll_frequency = "0s"'))).rejects.toThrow(
      new Error('poll_frequency must be greater than 0'),
    );
    expect(exports).toHaveLength(1);
    expect(component.currentHealth!()).toMatchObject({ state: 'healthy' });
  });

  it('moves the gauge on every successful read', async () => {
    const a = await file('a.txt', 'A');
    const { component, metrics } = await build(argsFor(a));
    const gauge = metrics.getSingleMetric('local_file_timestamp_last_accessed_unix_seconds')!;
    const first = (await gauge.get()).values[0]!.value;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await component.update(argsFor(a, 'is_secret = true'));
    expect((await gauge.get()).values[0]!.value).toBeGreaterThan(first);
  });
});
