/**
 * `import.http` and `import.git` through a real `Controller` (spec §4.6, §4.7): modules
 * served by a node:http server and by real Git repositories (a local path, `git daemon`,
 * `git http-backend`) on 127.0.0.1, changed while the controller runs. Instances must follow
 * the new module within a few polls, keep the last good one when the remote fails or serves
 * something unusable, and restart nothing whose arguments did not change.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useModuleHarness, type RunningCase } from './harness.js';
import { freePort, hasGit, linesOf, sleep, str, useRemotes, type TestServer } from './remote-support.js';

// Registered before the harness: after-hooks run in reverse, so controllers stop first.
const remotes = useRemotes();
const { start } = useModuleHarness({ timeoutMs: 5000 });

/**
 * A module with `declare "scale"`: `y = x * factor`, and a lifecycle component whose
 * arguments never change, appending its start and stop lines to `events`.
 */
const scaleModule = (factor: number, events: string, extra = ''): string => `
declare "scale" {
  argument "x" {}

  testcomponents.lifecycle "l" {
    file  = ${str(events)}
    value = "steady"
  }

  export "y" {
    value = argument.x.value * ${factor}
  }

  export "steady" {
    value = testcomponents.lifecycle.l.output
  }
}
${extra}`;

/** Two instances of `<namespace>.scale`. */
const instances = (namespace: string): string => `
${namespace}.scale "two" {
  x = 2
}

${namespace}.scale "three" {
  x = 3
}
`;

const scaled = (namespace: string, factor: number) => ({
  [`${namespace}.scale.two`]: { y: 2 * factor, steady: 'steady' },
  [`${namespace}.scale.three`]: { y: 3 * factor, steady: 'steady' },
});

/** One `start` line per instance's lifecycle component, and nothing else (no restart, no stop). */
function expectStartedOnce(events: string, namespace: string): void {
  expect(linesOf(events).sort()).toEqual([
    `start ${namespace}.scale.three/testcomponents.lifecycle.l`,
    `start ${namespace}.scale.two/testcomponents.lifecycle.l`,
  ]);
}

/** Waits a few polls and checks that `check` still holds (nothing changes by itself). */
async function stays(running: RunningCase, ms: number, check: () => void): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await sleep(Math.min(50, ms));
    await running.controller.settled();
    check();
  }
}

describe('import.http through the controller', () => {
  const httpImport = (server: TestServer, path = '/modules/math.alloy', label = 'remote'): string => `
import.http ${str(label)} {
  url            = ${str(`${server.origin}${path}`)}
  poll_frequency = "100ms"
}
`;

  it('instances follow the served module; unchanged inner components are not restarted', async () => {
    const server = await remotes.httpServer();
    const running = start();
    const events = join(running.dir, 'events');
    server.serve('/modules/math.alloy', scaleModule(10, events));
    await running.load(httpImport(server) + instances('remote'));
    await running.waitFor({
      exports: scaled('remote', 10),
      modules: ['remote.scale.two', 'remote.scale.three'],
      health: { 'import.http.remote': { state: 'healthy' } },
    });
    await running.until('both lifecycles started', () => linesOf(events).length === 2);
    const two = running.node('remote.scale.two');
    const lifecycle = running.node('remote.scale.two/testcomponents.lifecycle.l');

    server.serve('/modules/math.alloy', scaleModule(100, events));
    await running.waitFor({ exports: scaled('remote', 100), health: { 'import.http.remote': { state: 'healthy' } } });

    // Unrelated additions to the module (another declare) change nothing either.
    server.serve('/modules/math.alloy', scaleModule(1000, events, 'declare "other" {}\n'));
    await running.waitFor({ exports: scaled('remote', 1000) });

    expect(running.node('remote.scale.two')).toBe(two);
    expect(running.node('remote.scale.two/testcomponents.lifecycle.l')).toBe(lifecycle);
    expectStartedOnce(events, 'remote');
    await running.stop();
  });

  it('a 500 keeps the last good module and makes the import unhealthy; a new module served again recovers', async () => {
    const server = await remotes.httpServer();
    const running = start();
    const events = join(running.dir, 'events');
    server.serve('/modules/math.alloy', scaleModule(10, events));
    await running.load(httpImport(server) + instances('remote'));
    await running.waitFor({ exports: scaled('remote', 10), health: { 'import.http.remote': { state: 'healthy' } } });

    server.route('/modules/math.alloy', (_, response) => response.writeHead(500).end('boom\n'));
    await running.waitFor({
      exports: scaled('remote', 10),
      health: { 'import.http.remote': { state: 'unhealthy', message: 'unexpected status code 500 Internal Server Error' } },
    });
    // Several failed polls later, the instances still run the last good module.
    await stays(running, 350, () => expect(running.mismatches({ exports: scaled('remote', 10), modules: ['remote.scale.two', 'remote.scale.three'] })).toEqual([]));

    server.serve('/modules/math.alloy', scaleModule(7, events));
    await running.waitFor({ exports: scaled('remote', 7), health: { 'import.http.remote': { state: 'healthy' } } });
    expectStartedOnce(events, 'remote');
    await running.stop();
  });

  // After a failed poll, the last good module served again makes the import healthy again.
  it('a 500 then the same module served again: the import turns healthy again', async () => {
    const server = await remotes.httpServer();
    const running = start();
    const events = join(running.dir, 'events');
    server.serve('/modules/math.alloy', scaleModule(10, events));
    await running.load(httpImport(server) + instances('remote'));
    await running.waitFor({ exports: scaled('remote', 10), health: { 'import.http.remote': { state: 'healthy' } } });

    server.route('/modules/math.alloy', (_, response) => response.writeHead(500).end('boom\n'));
    await running.waitFor({ health: { 'import.http.remote': { state: 'unhealthy', message: 'unexpected status code 500' } } });

    server.serve('/modules/math.alloy', scaleModule(10, events));
    await running.waitFor({ exports: scaled('remote', 10), health: { 'import.http.remote': { state: 'healthy' } } }, 2000);
    await running.stop();
  });

  it('a server down from the start fails the load with a diagnostic', async () => {
    const port = await freePort();
    const running = start();
    const url = `http://127.0.0.1:${port}/modules/math.alloy`;
    await running.load(`import.http "remote" {\n  url = ${str(url)}\n  poll_frequency = "100ms"\n}\n${instances('remote')}`);
    expect(running.outcome.status).toBe('applied');
    expect(running.errors).toContainEqual(
      expect.stringContaining(`performing request: Get "${url}": dial tcp 127.0.0.1:${port}: connect: connection refused`),
    );
    expect(running.controller.loaded).toBe(false);
    expect(running.controller.runningTasks()).toEqual([]);
    await running.stop();
  });

  it('a 500 on the first fetch fails the load with a diagnostic', async () => {
    const server = await remotes.httpServer();
    server.route('/modules/math.alloy', (_, response) => response.writeHead(500).end('boom\n'));
    const running = start();
    await running.load(httpImport(server) + instances('remote'));
    await running.waitFor({ error: 'unexpected status code 500 Internal Server Error' });
    expect(running.controller.loaded).toBe(false);
    await running.stop();
  });

  it('content with an import.file block makes the import unhealthy (first fetch)', async () => {
    const server = await remotes.httpServer();
    const running = start({ 'local.alloy': 'declare "local" {}\n' });
    server.serve('/modules/math.alloy', `import.file "lib" {\n  filename = ${str(join(running.dir, 'local.alloy'))}\n}\n\ndeclare "scale" {}\n`);
    await running.load(`${httpImport(server)}\ntestcomponents.passthrough "p" {\n  input = "x"\n}\n`);
    await running.waitFor({
      noErrors: true,
      exports: { 'testcomponents.passthrough.p': { output: 'x' } },
      health: {
        'import.http.remote': {
          state: 'unhealthy',
          message: /^importing a module via import\.http \(nodeID: import\.http\.remote\) that contains an import\.file block is not supported$/,
        },
      },
    });
    await running.stop();
  });

  it('content turning to one with an import.file block keeps the last good module, unhealthy, until fixed', async () => {
    const server = await remotes.httpServer();
    const running = start({ 'local.alloy': 'declare "local" {}\n' });
    const events = join(running.dir, 'events');
    server.serve('/modules/math.alloy', scaleModule(10, events));
    await running.load(httpImport(server) + instances('remote'));
    await running.waitFor({ exports: scaled('remote', 10), health: { 'import.http.remote': { state: 'healthy' } } });

    server.serve(
      '/modules/math.alloy',
      `import.file "lib" {\n  filename = ${str(join(running.dir, 'local.alloy'))}\n}\n${scaleModule(100, events)}`,
    );
    await running.waitFor({
      exports: scaled('remote', 10),
      health: {
        'import.http.remote': {
          state: 'unhealthy',
          message: 'importing a module via import.http (nodeID: import.http.remote) that contains an import.file block is not supported',
        },
      },
    });

    server.serve('/modules/math.alloy', scaleModule(5, events));
    await running.waitFor({ exports: scaled('remote', 5), health: { 'import.http.remote': { state: 'healthy' } } });
    expectStartedOnce(events, 'remote');
    await running.stop();
  });

  it('a nested import.http relative to module_path (the URL directory): its changes reach the instances', async () => {
    const server = await remotes.httpServer();
    const running = start();
    const events = join(running.dir, 'events');
    server.serve('/modules/lib.alloy', scaleModule(10, events));
    server.serve(
      '/modules/top.alloy',
      `
import.http "lib" {
  url            = module_path + "lib.alloy"
  poll_frequency = "100ms"
}

declare "wrap" {
  argument "x" {}

  lib.scale "inner" {
    x = argument.x.value
  }

  export "y" {
    value = lib.scale.inner.y
  }
}
`,
    );
    await running.load(`${httpImport(server, '/modules/top.alloy', 'top')}\ntop.wrap "w" {\n  x = 4\n}\n`);
    await running.waitFor({ exports: { 'top.wrap.w': { y: 40 } }, modules: ['top.wrap.w', 'top.wrap.w/lib.scale.inner'] });

    server.serve('/modules/lib.alloy', scaleModule(-1, events));
    await running.waitFor({ exports: { 'top.wrap.w': { y: -4 } }, health: { 'import.http.top': { state: 'healthy' } } });

    // The nested import failing makes the top import unhealthy; the last good module stays.
    server.route('/modules/lib.alloy', (_, response) => response.writeHead(500).end());
    await running.waitFor({
      exports: { 'top.wrap.w': { y: -4 } },
      health: { 'import.http.top': { state: 'unhealthy', message: 'unexpected status code 500' } },
    });
    expect(linesOf(events)).toEqual(['start top.wrap.w/lib.scale.inner/testcomponents.lifecycle.l']);
    await running.stop();
  });
});

describe.skipIf(!hasGit)('import.git through the controller', () => {
  const gitImport = (repository: string, extra = '', label = 'remote'): string => `
import.git ${str(label)} {
  repository     = ${str(repository)}
  path           = "math.alloy"
  pull_frequency = "200ms"
  ${extra}
}
`;

  /** The repository's address for each transport, starting what serves it. */
  const transports: Record<string, (base: string, name: string) => Promise<string>> = {
    'a local path': async (base, name) => join(base, name),
    'git daemon (git://)': async (base, name) => `${(await remotes.gitDaemon(base)).url}${name}`,
    'git http-backend (smart HTTP)': async (base, name) => `${(await remotes.gitHttp(base)).url}${name}`,
  };

  for (const [transport, address] of Object.entries(transports)) {
    it(`over ${transport}: instances follow new commits on the branch; unchanged inner components are not restarted`, async () => {
      const base = remotes.tempDir();
      const running = start();
      const events = join(running.dir, 'events');
      const origin = await remotes.repository(base, 'modules', { 'math.alloy': scaleModule(10, events) });
      await running.load(gitImport(await address(base, 'modules')) + instances('remote'));
      await running.waitFor({
        exports: scaled('remote', 10),
        modules: ['remote.scale.two', 'remote.scale.three'],
        health: { 'import.git.remote': { state: 'healthy' } },
      });
      await running.until('both lifecycles started', () => linesOf(events).length === 2);
      const lifecycle = running.node('remote.scale.three/testcomponents.lifecycle.l');

      await origin.commit({ 'math.alloy': scaleModule(100, events) }, 'factor 100');
      await running.waitFor({ exports: scaled('remote', 100), health: { 'import.git.remote': { state: 'healthy' } } });
      await origin.commit({ 'math.alloy': scaleModule(3, events, 'declare "other" {}\n'), 'README.md': 'unrelated\n' }, 'factor 3');
      await running.waitFor({ exports: scaled('remote', 3) });

      expect(running.node('remote.scale.three/testcomponents.lifecycle.l')).toBe(lifecycle);
      expectStartedOnce(events, 'remote');
      await running.stop();
    });
  }

  it('a tag stays pinned while the branch moves on', async () => {
    const base = remotes.tempDir();
    const running = start();
    const events = join(running.dir, 'events');
    const origin = await remotes.repository(base, 'modules', { 'math.alloy': scaleModule(10, events) });
    await origin.tag('v1');
    await running.load(
      gitImport(origin.directory, 'revision = "main"', 'branch') +
        gitImport(origin.directory, 'revision = "v1"', 'pinned') +
        instances('branch') +
        instances('pinned'),
    );
    await running.waitFor({ exports: { ...scaled('branch', 10), ...scaled('pinned', 10) } });

    await origin.commit({ 'math.alloy': scaleModule(100, events) }, 'factor 100');
    await running.waitFor({ exports: { ...scaled('branch', 100), ...scaled('pinned', 10) } });
    // Several more pulls: the tagged import never moves.
    await stays(running, 700, () => expect(running.mismatches({ exports: scaled('pinned', 10) })).toEqual([]));
    expect(running.health('import.git.pinned')?.state).toBe('healthy');
    await running.stop();
  });

  it('a directory path imports each of its .alloy files; a new commit changes and adds files', async () => {
    const base = remotes.tempDir();
    const running = start();
    const events = join(running.dir, 'events');
    const origin = await remotes.repository(base, 'modules', {
      'lib/scale.alloy': scaleModule(10, events),
      'lib/greet.alloy': 'declare "greet" {\n  argument "name" {}\n\n  export "text" {\n    value = "hello " + argument.name.value\n  }\n}\n',
      'lib/notes.md': 'not a module\n',
    });
    const main = `
import.git "remote" {
  repository     = ${str(origin.directory)}
  path           = "lib"
  pull_frequency = "200ms"
}
${instances('remote')}
remote.greet "g" {
  name = "git"
}
`;
    await running.load(main);
    await running.waitFor({ exports: { ...scaled('remote', 10), 'remote.greet.g': { text: 'hello git' } } });

    await origin.commit(
      {
        'lib/greet.alloy': 'declare "greet" {\n  argument "name" {}\n\n  export "text" {\n    value = "bye " + argument.name.value\n  }\n}\n',
        'lib/shout.alloy': 'declare "shout" {\n  export "text" {\n    value = "HEY"\n  }\n}\n',
      },
      'change greet, add shout',
    );
    await running.waitFor({ exports: { ...scaled('remote', 10), 'remote.greet.g': { text: 'bye git' } } });
    // The added file's declare is usable once the root config instantiates it.
    await running.load(`${main}\nremote.shout "s" {}\n`);
    await running.waitFor({ exports: { 'remote.shout.s': { text: 'HEY' }, 'remote.greet.g': { text: 'bye git' } } });
    expectStartedOnce(events, 'remote');
    await running.stop();
  });

  it('a nested import.file relative to module_path (the clone): a commit changing only the nested file reaches the instances', async () => {
    const base = remotes.tempDir();
    const running = start();
    const events = join(running.dir, 'events');
    const origin = await remotes.repository(base, 'modules', {
      'math.alloy': `
import.file "lib" {
  filename       = file.path_join(module_path, "lib/inner.alloy")
  detector       = "poll"
  poll_frequency = "50ms"
}

declare "wrap" {
  argument "x" {}

  lib.scale "inner" {
    x = argument.x.value
  }

  export "y" {
    value = lib.scale.inner.y
  }
}
`,
      'lib/inner.alloy': scaleModule(10, events),
    });
    await running.load(`${gitImport(origin.directory)}\nremote.wrap "w" {\n  x = 4\n}\n`);
    await running.waitFor({ exports: { 'remote.wrap.w': { y: 40 } }, health: { 'import.git.remote': { state: 'healthy' } } });

    await origin.commit({ 'lib/inner.alloy': scaleModule(-1, events) }, 'nested only');
    await running.waitFor({ exports: { 'remote.wrap.w': { y: -4 } }, health: { 'import.git.remote': { state: 'healthy' } } });
    expect(linesOf(events)).toEqual(['start remote.wrap.w/lib.scale.inner/testcomponents.lifecycle.l']);
    await running.stop();
  });

  it('a commit breaking the module keeps the last good one, unhealthy, until a fixing commit', async () => {
    const base = remotes.tempDir();
    const running = start();
    const events = join(running.dir, 'events');
    const origin = await remotes.repository(base, 'modules', { 'math.alloy': scaleModule(10, events) });
    await running.load(gitImport(origin.directory) + instances('remote'));
    await running.waitFor({ exports: scaled('remote', 10) });

    await origin.commit({ 'math.alloy': 'declare "scale" {\n' }, 'broken');
    await running.waitFor({ exports: scaled('remote', 10), health: { 'import.git.remote': { state: 'unhealthy', message: 'cannot be parsed' } } });

    await origin.commit({ 'math.alloy': scaleModule(2, events) }, 'fixed');
    await running.waitFor({ exports: scaled('remote', 2), health: { 'import.git.remote': { state: 'healthy' } } });
    expectStartedOnce(events, 'remote');
    await running.stop();
  });

  // After a failed poll, the last good module served again makes the import healthy again.
  it('a broken commit reverted to the last good module: the import turns healthy again', async () => {
    const base = remotes.tempDir();
    const running = start();
    const events = join(running.dir, 'events');
    const origin = await remotes.repository(base, 'modules', { 'math.alloy': scaleModule(10, events) });
    await running.load(gitImport(origin.directory) + instances('remote'));
    await running.waitFor({ exports: scaled('remote', 10) });

    await origin.commit({ 'math.alloy': 'declare "scale" {\n' }, 'broken');
    await running.waitFor({ health: { 'import.git.remote': { state: 'unhealthy', message: 'cannot be parsed' } } });

    await origin.git('revert', '--no-edit', 'HEAD');
    await running.waitFor({ exports: scaled('remote', 10), health: { 'import.git.remote': { state: 'healthy' } } }, 2000);
    await running.stop();
  });

  it('revision = "HEAD" fails the load with upstream\'s message', async () => {
    const base = remotes.tempDir();
    const running = start();
    const origin = await remotes.repository(base, 'modules', { 'math.alloy': scaleModule(10, join(running.dir, 'events')) });
    await running.load(gitImport(origin.directory, 'revision = "HEAD"') + instances('remote'));
    await running.waitFor({
      error: 'revision cannot be a special git reference such as HEAD, FETCH_HEAD, ORIG_HEAD, MERGE_HEAD, or CHERRY_PICK_HEAD',
    });
    expect(running.controller.loaded).toBe(false);
    await running.stop();
  });

  it('an unknown revision fails the load with upstream\'s message', async () => {
    const base = remotes.tempDir();
    const running = start();
    const origin = await remotes.repository(base, 'modules', { 'math.alloy': scaleModule(10, join(running.dir, 'events')) });
    await running.load(gitImport(origin.directory, 'revision = "nope"') + instances('remote'));
    await running.waitFor({ error: 'invalid revision "nope"' });
    expect(running.controller.loaded).toBe(false);
    await running.stop();
  });
});
