/**
 * `import.git` against real repositories on disk (a local path and `file://`); the network
 * transports are in transports.test.ts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSource } from '../../import-source.js';
import { OriginRepository } from './test-support/origin-repository.js';
import { createSource, entries, eventually, str } from './test-support/harness.js';

const FILES = {
  'module.alloy': 'declare "a" {}\n',
  'modules/one.alloy': 'declare "one" {}\n',
  'modules/two.alloy': 'declare "two" {}\n',
  'modules/README.md': 'not a module\n',
  'modules/nested/three.alloy': 'declare "three" {}\n',
};

describe('import.git', { timeout: 20_000 }, () => {
  let root: string;
  let origin: OriginRepository;
  let dataPath: string;
  const watches: AbortController[] = [];

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ingot-import-git-'));
    origin = await OriginRepository.create(join(root, 'origin'), FILES);
    dataPath = join(root, 'data', 'import.git.test');
  });

  afterEach(async () => {
    for (const watch of watches.splice(0)) watch.abort();
    await rm(root, { recursive: true, force: true });
  });

  /** Starts `watch`, stopped after the test; each change fetches and records `path`'s text. */
  function watchContent(source: ImportSource, name: string): { readonly seen: (string | undefined)[]; changes: number } {
    const controller = new AbortController();
    watches.push(controller);
    const state = { seen: [] as (string | undefined)[], changes: 0 };
    void source.watch(controller.signal, () => {
      state.changes++;
      void source.fetch().then((content) => state.seen.push(content.get(name)));
    });
    return state;
  }

  describe('reading', () => {
    it('clones a local path and imports a file, named by its path', async () => {
      const { source } = createSource(`repository = ${str(origin.directory)}\npath = "module.alloy"`, dataPath);
      expect(entries(await source.fetch())).toEqual({ 'module.alloy': FILES['module.alloy'] });
      expect(source.modulePath).toBe(join(dataPath, 'repo'));
      expect(source.health?.()).toMatchObject({ state: 'healthy', message: 'module updated' });
    });

    it('imports a directory: its top-level .alloy files, named by file name', async () => {
      const { source } = createSource(`repository = ${str(origin.directory)}\npath = "modules"`, dataPath);
      expect(entries(await source.fetch())).toEqual({
        'one.alloy': FILES['modules/one.alloy'],
        'two.alloy': FILES['modules/two.alloy'],
      });
      // module_path is the clone, not the directory imported (upstream's ModulePath).
      expect(source.modulePath).toBe(join(dataPath, 'repo'));
    });

    it('imports the root as "." and a nested file by its path', async () => {
      const root = createSource(`repository = ${str(origin.directory)}\npath = "."`, dataPath).source;
      expect([...(await root.fetch()).keys()]).toEqual(['module.alloy']);
      const nested = createSource(`repository = ${str(origin.directory)}\npath = "modules/nested/three.alloy"`, dataPath);
      expect(entries(await nested.source.fetch())).toEqual({ 'modules/nested/three.alloy': 'declare "three" {}\n' });
    });

    it('clones a file:// URL', async () => {
      const { source } = createSource(`repository = ${str(`file://${origin.directory}`)}\npath = "module.alloy"`, dataPath);
      expect(entries(await source.fetch())).toEqual({ 'module.alloy': FILES['module.alloy'] });
    });

    it('rejects a missing path with Go-worded text, and one outside the clone', async () => {
      const missing = createSource(`repository = ${str(origin.directory)}\npath = "missing.alloy"`, dataPath).source;
      await expect(missing.fetch()).rejects.toThrow(
        `stat ${join(dataPath, 'repo', 'missing.alloy')}: no such file or directory`,
      );
      expect(missing.health?.().state).toBe('unhealthy');
      const outside = createSource(`repository = ${str(origin.directory)}\npath = "../../origin/module.alloy"`, dataPath).source;
      await expect(outside.fetch()).rejects.toThrow('path "../../origin/module.alloy" is outside the repository');
    });

    it('serializes overlapping fetches on one clone', async () => {
      const { source } = createSource(`repository = ${str(origin.directory)}\npath = "module.alloy"`, dataPath);
      const results = await Promise.all([source.fetch(), source.fetch(), source.fetch()]);
      for (const content of results) expect(entries(content)).toEqual({ 'module.alloy': FILES['module.alloy'] });
    });
  });

  describe('revisions', () => {
    it('follows a branch: each pull checks out its new head', async () => {
      const { source } = createSource(`repository = ${str(origin.directory)}\npath = "module.alloy"`, dataPath);
      await source.fetch();
      await origin.commit({ 'module.alloy': 'declare "b" {}\n' }, 'second');
      expect((await source.fetch()).get('module.alloy')).toBe('declare "b" {}\n');
    });

    it('checks out another branch by name', async () => {
      await origin.switch('feature', true);
      await origin.commit({ 'module.alloy': 'declare "feature" {}\n' }, 'on feature');
      await origin.switch('main');
      const { source } = createSource(
        `repository = ${str(origin.directory)}\nrevision = "feature"\npath = "module.alloy"`,
        dataPath,
      );
      expect((await source.fetch()).get('module.alloy')).toBe('declare "feature" {}\n');
    });

    it('stays on a tag, and on a commit (full or abbreviated), while the branch moves on', async () => {
      const first = await origin.head();
      await origin.tag('v1');
      const sources = ['v1', first, first.slice(0, 10)].map(
        (revision, i) =>
          createSource(`repository = ${str(origin.directory)}\nrevision = ${str(revision)}\npath = "module.alloy"`, `${dataPath}-${i}`)
            .source,
      );
      for (const source of sources) expect((await source.fetch()).get('module.alloy')).toBe(FILES['module.alloy']);
      await origin.commit({ 'module.alloy': 'declare "b" {}\n' }, 'second');
      for (const source of sources) expect((await source.fetch()).get('module.alloy')).toBe(FILES['module.alloy']);
    });

    it('rejects a revision that names nothing, with upstream\'s text', async () => {
      const { source } = createSource(
        `repository = ${str(origin.directory)}\nrevision = "nope"\npath = "module.alloy"`,
        dataPath,
      );
      await expect(source.fetch()).rejects.toThrow(/^invalid revision "nope"$/);
      expect(source.health?.()).toMatchObject({ state: 'unhealthy', message: 'invalid revision "nope"' });
    });
  });

  describe('watching', () => {
    it('pulls every pull_frequency and reports each pull; the fetch that follows sees the new commit', async () => {
      const { source } = createSource(
        `repository = ${str(origin.directory)}\npath = "module.alloy"\npull_frequency = "200ms"`,
        dataPath,
      );
      await source.fetch();
      const watched = watchContent(source, 'module.alloy');
      await origin.commit({ 'module.alloy': 'declare "watched" {}\n' }, 'second');
      await eventually(() => watched.seen.includes('declare "watched" {}\n'));
    });

    it('pulls only once with pull_frequency = "0s"', async () => {
      const { source } = createSource(
        `repository = ${str(origin.directory)}\npath = "module.alloy"\npull_frequency = "0s"`,
        dataPath,
      );
      await source.fetch();
      const controller = new AbortController();
      let changes = 0;
      const watching = source.watch(controller.signal, () => changes++);
      await new Promise((resolve) => setTimeout(resolve, 400));
      controller.abort();
      await watching;
      expect(changes).toBe(0);
    });

    it('settles when aborted mid-wait', async () => {
      const { source } = createSource(`repository = ${str(origin.directory)}\npath = "module.alloy"`, dataPath);
      const controller = new AbortController();
      const watching = source.watch(controller.signal, () => {});
      controller.abort();
      await expect(watching).resolves.toBeUndefined();
    });
  });

  describe('failures', () => {
    it('rejects when there is no clone to fall back on', async () => {
      const missing = join(root, 'no-such-repository');
      const { source } = createSource(`repository = ${str(missing)}\npath = "module.alloy"`, dataPath);
      await expect(source.fetch()).rejects.toThrow(
        `failed to download repository "${missing}": repository '${missing}' does not exist`,
      );
      expect(source.health?.().state).toBe('unhealthy');
    });

    it('keeps serving the last checkout when a pull fails, unhealthy, and recovers', async () => {
      const { source, logger } = createSource(`repository = ${str(origin.directory)}\npath = "module.alloy"`, dataPath);
      await source.fetch();
      const away = join(root, 'away');
      await rename(origin.directory, away);

      expect(entries(await source.fetch())).toEqual({ 'module.alloy': FILES['module.alloy'] });
      const health = source.health?.();
      expect(health?.state).toBe('unhealthy');
      expect(health?.message).toMatch(new RegExp(`^failed to update repository "${origin.directory}": `));
      expect(logger.lines.filter((line) => line.level === 'error').map((line) => line.message)).toEqual([
        'failed to update repository',
      ]);

      await rename(away, origin.directory);
      await source.fetch();
      expect(source.health?.()).toMatchObject({ state: 'healthy', message: 'module updated' });
    });

    it('a failed tick changes nothing but the health', async () => {
      const { source } = createSource(
        `repository = ${str(origin.directory)}\npath = "module.alloy"\npull_frequency = "100ms"`,
        dataPath,
      );
      await source.fetch();
      await rename(origin.directory, join(root, 'away'));
      const watched = watchContent(source, 'module.alloy');
      await eventually(() => source.health?.().state === 'unhealthy');
      expect(watched.changes).toBe(0);
    });

    it('serves the clone left on disk after a restart when the repository is unreachable', async () => {
      const body = `repository = ${str(origin.directory)}\npath = "module.alloy"`;
      await createSource(body, dataPath).source.fetch();
      await rename(origin.directory, join(root, 'away'));
      const restarted = createSource(body, dataPath).source;
      expect(entries(await restarted.fetch())).toEqual({ 'module.alloy': FILES['module.alloy'] });
      expect(restarted.health?.().state).toBe('unhealthy');
    });

    it('clones afresh when the repository changes', async () => {
      await createSource(`repository = ${str(origin.directory)}\npath = "module.alloy"`, dataPath).source.fetch();
      const other = await OriginRepository.create(join(root, 'other'), { 'module.alloy': 'declare "other" {}\n' });
      const source = createSource(`repository = ${str(other.directory)}\npath = "module.alloy"`, dataPath).source;
      expect((await source.fetch()).get('module.alloy')).toBe('declare "other" {}\n');
    });

    it('refuses ext:: repositories, which would run a command', async () => {
      const marker = join(root, 'ran');
      const { source } = createSource(`repository = ${str(`ext::touch ${marker}`)}\npath = "module.alloy"`, dataPath);
      await expect(source.fetch()).rejects.toThrow(/^failed to download repository "ext::touch .*": .*transport 'ext' not allowed/);
      expect(existsSync(marker)).toBe(false);
    });
  });
});
