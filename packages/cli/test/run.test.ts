import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testComponents } from '@ingot/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinComponents } from '../src/components.js';
import { main } from '../src/main.js';
import type { HttpServer } from '../src/server/index.js';
import { fakeIo, type FakeIo } from './fake-io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingot-run-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const components = [...builtinComponents, ...testComponents];

function config(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Starts `ingot run` in this process; resolves once its HTTP server listens. */
async function start(path: string, io: FakeIo, extra: string[] = []) {
  let listening!: (server: HttpServer) => void;
  const server = new Promise<HttpServer>((resolve) => (listening = resolve));
  const exit = main(
    ['--no-color', 'run', path, '--server.http.listen-addr=127.0.0.1:0', `--storage.path=${join(dir, 'data')}`, ...extra],
    io,
    { components, onListening: listening },
  );
  const ready = await Promise.race([server, exit.then((code) => Promise.reject(new Error(`exited ${code}: ${io.stderr.text}`)))]);
  return { base: `http://127.0.0.1:${ready.address.port}`, exit };
}

describe('ingot run', () => {
  it('serves the API once loaded, reloads on SIGHUP, and exits 0 on SIGTERM', async () => {
    const io = fakeIo();
    const path = config('main.alloy', 'testcomponents.passthrough "a" { input = "one" }\n');
    const { base, exit } = await start(path, io);

    expect(await (await fetch(`${base}/-/ready`)).text()).toBe('Alloy is ready.\n');
    const before = (await (await fetch(`${base}/api/v0/web/components/testcomponents.passthrough.a`)).json()) as {
      exports: unknown;
    };
    expect(before.exports).toEqual([{ name: 'output', type: 'attr', value: { type: 'string', value: 'one' } }]);

    writeFileSync(path, 'testcomponents.passthrough "a" { input = "two" }\n');
    io.raise('SIGHUP');
    let output: unknown;
    for (let i = 0; i < 100; i++) {
      const info = (await (await fetch(`${base}/api/v0/web/components/testcomponents.passthrough.a`)).json()) as {
        exports: { value: { value: unknown } }[];
      };
      output = info.exports[0]?.value.value;
      if (output === 'two') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(output).toBe('two');
    expect(io.stderr.text).toContain('msg="config reloaded" added=0 updated=1 removed=0 unchanged=0 updated_ids=testcomponents.passthrough.a');

    io.raise('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('keeps the running config when a reload fails, and says why', async () => {
    const io = fakeIo();
    const path = config('main.alloy', 'testcomponents.passthrough "a" { input = "one" }\n');
    const { base, exit } = await start(path, io);
    writeFileSync(path, 'testcomponents.passthrough "a" { input = "one" }\nnope.nope "x" {}\n');
    const reload = await fetch(`${base}/-/reload`, { method: 'POST' });
    expect(reload.status).toBe(400);
    expect(await reload.text()).toBe(
      `error during the initial load: ${path}:2:1: cannot find the definition of component name "nope.nope"\n`,
    );
    const list = (await (await fetch(`${base}/api/v0/web/components`)).json()) as { localID: string }[];
    expect(list.map((c) => c.localID)).toEqual(['testcomponents.passthrough.a']);
    io.raise('SIGINT');
    expect(await exit).toBe(0);
  });

  it('exits 1 with the diagnostics in context when the first load fails', async () => {
    const io = fakeIo();
    const path = config('main.alloy', 'testcomponents.passthrough "a" {\n  input = 1 +\n}\n');
    expect(await main(['--no-color', 'run', path, '--server.http.listen-addr=127.0.0.1:0'], io, { components })).toBe(1);
    expect(io.stderr.text).toContain(`Error: ${path}:3:1: expected expression, got }`);
    expect(io.stderr.text).toContain('\n2 |   input = 1 +\n3 | }\n  | ^\n');
    expect(io.stderr.text.endsWith('Error: could not perform the initial load successfully\n')).toBe(true);
  });

  it('exits 1 when the config cannot be read', async () => {
    const io = fakeIo();
    const path = join(dir, 'missing.alloy');
    expect(await main(['run', path], io, { components })).toBe(1);
    expect(io.stderr.text).toContain(`Error: reading config path "${path}": stat ${path}: no such file or directory\n`);
  });

  it('refuses flags it cannot honour', async () => {
    const io = fakeIo();
    expect(await main(['run', 'x.alloy', '--config.format=prometheus'], io, { components })).toBe(1);
    expect(io.stderr.text).toContain('unsupported config format "prometheus": only "alloy" is supported');
    const io2 = fakeIo();
    expect(await main(['run', 'x.alloy', '--feature.component-shutdown-deadline=soon'], io2, { components })).toBe(1);
    expect(io2.stderr.text).toContain('time: invalid duration "soon"');
  });
});

describe('ingot validate', () => {
  it('prints nothing and exits 0 for a valid config', async () => {
    const io = fakeIo();
    const path = config(
      'ok.alloy',
      'local.file "a" { filename = "/etc/hostname" }\nlocal.file "b" { filename = local.file.a.content }\n',
    );
    expect(await main(['validate', path], io, { components })).toBe(0);
    expect(io.stderr.text).toBe('');
    expect(io.stdout.text).toBe('');
  });

  it('reports every problem it can find without running anything', async () => {
    const io = fakeIo();
    const path = config(
      'bad.alloy',
      [
        'local.file "a" {',
        '  filename = 42',
        '  detector = "inotify"',
        '}',
        'local.file "b" { filename = local.file.c.content }',
        'local.file "c" { filename = local.file.b.content }',
        'unknown.thing "x" {}',
        '',
      ].join('\n'),
    );
    expect(await main(['--no-color', 'validate', path], io, { components })).toBe(1);
    const headers = io.stderr.text.split('\n').filter((line) => line.startsWith('Error: '));
    expect(headers).toEqual([
      `Error: ${path}:7:1: cannot find the definition of component name "unknown.thing"`,
      `Error: ${path}:5:1: cycle detected: local.file.b, local.file.c`,
      `Error: ${path}:6:1: cycle detected: local.file.b, local.file.c`,
      `Error: ${path}:1:1: unrecognized detector "inotify", expected fsnotify or poll`,
      'Error: validation failed',
    ]);
  });

  it('checks the body of every declare where it is written', async () => {
    const io = fakeIo();
    const path = config(
      'module.alloy',
      [
        'declare "add" {',
        '  argument "a" {}',
        '  local.file "f" { filename = argument.a.value }',
        '  local.file "g" { nope = true }',
        '  logging {}',
        '  export "out" { value = local.file.h.content }',
        '}',
        'add "x" { a = "/etc/hostname" }',
        '',
      ].join('\n'),
    );
    expect(await main(['--no-color', 'validate', path], io, { components })).toBe(1);
    const headers = io.stderr.text.split('\n').filter((line) => line.startsWith('Error: '));
    expect(headers).toEqual([
      `Error: ${path}:5:3: logging block not allowed inside a module`,
      `Error: ${path}:6:26: component "local.file.h.content" does not exist or is out of scope`,
      `Error: ${path}:4:20: unrecognized attribute name "nope"`,
      `Error: ${path}:4:3: missing required attribute "filename"`,
      'Error: validation failed',
    ]);
  });

  it('follows imports it can read without running, and reports in the imported file', async () => {
    const io = fakeIo();
    config('lib.alloy', ['declare "relay" {', '  argument "input" {}', '  local.file "f" { filename = argument.input.value }', '  local.file "g" { filename = "x"', '    detector = "inotify" }', '}', ''].join('\n'));
    config('bad.alloy', 'local.file "x" { filename = "y" }\n');
    const path = config(
      'main.alloy',
      [
        'import.file "lib" { filename = file.path_join(module_path, "lib.alloy") }',
        'import.file "bad" { filename = file.path_join(module_path, "bad.alloy") }',
        'import.file "gone" { filename = file.path_join(module_path, "missing.alloy") }',
        'lib.relay "r" { input = "/etc/hostname" }',
        '',
      ].join('\n'),
    );
    expect(await main(['--no-color', 'validate', path], io, { components })).toBe(1);
    const lib = join(dir, 'lib.alloy');
    const headers = io.stderr.text.split('\n').filter((line) => line.startsWith('Error: '));
    expect(headers).toEqual([
      `Error: ${lib}:4:3: unrecognized detector "inotify", expected fsnotify or poll`,
      `Error: ${path}:2:1: imported content from "${join(dir, 'bad.alloy')}" is invalid: only declare and import blocks are allowed in a module, got local.file`,
      `Error: ${path}:3:1: failed to read file: stat ${join(dir, 'missing.alloy')}: no such file or directory`,
      'Error: validation failed',
    ]);
    expect(io.stderr.text).toMatch(/4 \| +local.file "g" { filename = "x"/);
  });
});
