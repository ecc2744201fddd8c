/**
 * `ingot run` given what it cannot run (spec §5.1, §5.2): each is a clear error on stderr
 * and exit status 1, before or instead of serving. And one that looks bad but is not: a
 * directory without `.alloy` files is an empty config, as upstream.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngot } from '../src/index.js';
import { passthrough, useIngot } from './support.js';

const start = useIngot();

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingot-testkit-bad-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `ingot run <path> <flags>` to its end, with a free port and storage in the test's directory. */
function run(path: string, flags: readonly string[] = ['--server.http.listen-addr=127.0.0.1:0']) {
  return runIngot(['run', path, `--storage.path=${join(dir, 'data')}`, ...flags]);
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const LISTENING = 'now listening for http traffic';

describe('ingot run: bad inputs', { timeout: 30_000 }, () => {
  it('fails on a missing config file', async () => {
    const missing = join(dir, 'missing.alloy');
    const result = await run(missing);
    expect(result).toMatchObject({ code: 1, signal: null });
    expect(result.stderr).toMatch(new RegExp(`\nError: reading config path "${escape(missing)}": stat ${escape(missing)}: no such file or directory\n$`));
    expect(result.stderr).not.toContain(LISTENING);
  });

  it('fails on an unknown flag, with commander\'s message alone', async () => {
    const result = await run(write('flag.alloy', passthrough('p', '"x"')), ['--bogus']);
    expect(result).toEqual({ code: 1, signal: null, stdout: '', stderr: "error: unknown option '--bogus'\n" });
  });

  it('fails on a listen address that is not one', async () => {
    const result = await run(write('addr.alloy', passthrough('p', '"x"')), ['--server.http.listen-addr=nope']);
    // Refused before anything is loaded or started.
    expect(result).toEqual({ code: 1, signal: null, stdout: '', stderr: 'Error: invalid listen address "nope": missing port in address\n' });
  });

  it('fails when the port is taken', async () => {
    const taken = await occupyPort();
    try {
      const port = (taken.address() as { port: number }).port;
      const result = await run(write('port.alloy', passthrough('p', '"x"')), [`--server.http.listen-addr=127.0.0.1:${port}`]);
      expect(result).toMatchObject({ code: 1, signal: null });
      expect(result.stderr).toContain(
        `level=error msg="failed to listen on 127.0.0.1:${port}: listen tcp 127.0.0.1:${port}: bind: address already in use" service=http\n`,
      );
      expect(result.stderr).toMatch(/Error: failed to listen on 127\.0\.0\.1:\d+: listen tcp 127\.0\.0\.1:\d+: bind: address already in use\n$/);
      expect(result.stderr).not.toContain(LISTENING);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('fails when the first load does not parse, showing where', async () => {
    const path = write('syntax.alloy', 'local.file "a" {\n  filename = \n}\n');
    const result = await run(path);
    expect(result).toMatchObject({ code: 1, signal: null, stdout: '\n' });
    expect(result.stderr).toMatch(/^ts=\S+ level=info msg="Ingot is starting" version=\S+\n/);
    expect(result.stderr.slice(result.stderr.indexOf('\n') + 1)).toBe(
      `Error: ${path}:3:1: expected expression, got }\n` +
        '\n' +
        '2 |   filename = \n' +
        '3 | }\n' +
        '  | ^\n' +
        '4 | \n' +
        'Error: could not perform the initial load successfully\n',
    );
  });

  it('fails when the first load names an unknown component', async () => {
    const path = write('unknown.alloy', `${passthrough('p', '"x"')}nope.thing "w" {}\n`);
    const result = await run(path);
    expect(result).toMatchObject({ code: 1, signal: null, stdout: '\n' });
    expect(result.stderr).toContain(`Error: ${path}:4:1: cannot find the definition of component name "nope.thing"\n\n3 | }\n4 | nope.thing "w" {}\n`);
    expect(result.stderr).toMatch(/\nError: could not perform the initial load successfully\n$/);
    expect(result.stderr).not.toContain(LISTENING);
  });

  it('fails when a component of the first load fails to evaluate: nothing runs', async () => {
    const path = write('evaluate.alloy', passthrough('ok', '"x"') + passthrough('bad', 'true'));
    const result = await run(path);
    expect(result).toMatchObject({ code: 1, signal: null, stdout: '\n' });
    expect(result.stderr).toContain(`Error: ${path}:5:11: true should be string, got bool\n`);
    expect(result.stderr).toMatch(/\nError: could not perform the initial load successfully\n$/);
    expect(result.stderr).not.toContain(LISTENING);
  });
});

describe('ingot run: a directory without .alloy files', { timeout: 30_000 }, () => {
  it('runs an empty config, as upstream, and picks up files added later on reload', async () => {
    const ingot = await start({
      configPath: (instanceDir) => {
        mkdirSync(join(instanceDir, 'conf'));
        writeFileSync(join(instanceDir, 'conf', 'README.md'), 'no config here');
        return join(instanceDir, 'conf');
      },
    });
    expect(await ingot.request('/-/ready')).toMatchObject({ status: 200, body: 'Alloy is ready.\n' });
    expect(await ingot.request('/-/healthy')).toMatchObject({ status: 200, body: 'All Alloy components are healthy.\n' });
    expect(await ingot.request('/api/v0/web/components')).toMatchObject({ status: 200, body: '[]' });
    const hash = (await ingot.metrics()).find((s) => s.name === 'alloy_config_hash');
    expect(hash?.labels.sha256).toBe('0'.repeat(64));

    writeFileSync(join(ingot.configPath, 'p.alloy'), passthrough('p', '"x"'));
    expect(await ingot.request('/-/reload')).toMatchObject({ status: 200, body: 'config reloaded\n' });
    const list = JSON.parse((await ingot.request('/api/v0/web/components')).body) as { localID: string }[];
    expect(list.map((c) => c.localID)).toEqual(['testcomponents.passthrough.p']);

    ingot.signal('SIGTERM');
    expect(await ingot.waitForExit()).toEqual({ code: 0, signal: null });
  });
});

function occupyPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
