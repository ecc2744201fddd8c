/**
 * Reloading a running `ingot run` (spec §2): SIGHUP, GET and POST /-/reload; configs that
 * fail to read, parse or plan leave the running graph alone; one that fails to evaluate in
 * part is applied in part.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLogfmt, type RunningIngot } from '../src/index.js';
import { passthrough, useIngot } from './support.js';

const start = useIngot();

type Trigger = 'SIGHUP' | 'GET' | 'POST';

/**
 * Reloads through `trigger`; `status` and `body` as `/-/reload` answers, or, for SIGHUP,
 * as it would have answered, read from the `config reloaded` / `failed to reload config`
 * log line.
 */
async function reload(ingot: RunningIngot, trigger: Trigger): Promise<{ status: number; body: string }> {
  if (trigger !== 'SIGHUP') {
    const { status, body } = await ingot.request('/-/reload', { method: trigger });
    return { status, body };
  }
  const since = ingot.logLines().length;
  ingot.signal('SIGHUP');
  const line = await ingot.waitForLog(/msg="(config reloaded|failed to reload config)"/, 10_000, since);
  const fields = parseLogfmt(line);
  return fields.msg === 'config reloaded' ? { status: 200, body: 'config reloaded\n' } : { status: 400, body: `${fields.err}\n` };
}

/** The API's view of the graph: the list, and each component's details. */
async function snapshot(ingot: RunningIngot): Promise<unknown> {
  const list = JSON.parse((await ingot.request('/api/v0/web/components')).body) as { localID: string }[];
  const details = await Promise.all(list.map(async (c) => JSON.parse((await ingot.request(`/api/v0/web/components/${c.localID}`)).body) as unknown));
  return { list, details };
}

async function component(ingot: RunningIngot, id: string): Promise<{ health: { state: string; message: string }; arguments: unknown; exports: unknown }> {
  const response = await ingot.request(`/api/v0/web/components/${id}`);
  expect(response.status, `GET /api/v0/web/components/${id}`).toBe(200);
  return JSON.parse(response.body) as never;
}

const output = (value: string) => [{ name: 'output', type: 'attr', value: { type: 'string', value } }];

const GOOD = passthrough('x', '"one"') + passthrough('y', 'testcomponents.passthrough.x.output');

describe('ingot run: reload', { timeout: 30_000 }, () => {
  it('applies a good config on SIGHUP, GET and POST /-/reload, not on PUT', async () => {
    const ingot = await start({ config: GOOD });
    expect((await component(ingot, 'testcomponents.passthrough.y')).exports).toEqual(output('one'));

    for (const trigger of ['SIGHUP', 'GET', 'POST'] as const) {
      ingot.writeConfig(passthrough('x', `"via ${trigger}"`) + passthrough('y', 'testcomponents.passthrough.x.output'));
      expect(await reload(ingot, trigger), trigger).toEqual({ status: 200, body: 'config reloaded\n' });
      // The reload returns after evaluation, so the change is visible at once.
      expect((await component(ingot, 'testcomponents.passthrough.y')).exports, trigger).toEqual(output(`via ${trigger}`));
    }
    expect(ingot.logLines().filter((line) => line.includes('msg="reload requested via /-/reload endpoint"'))).toHaveLength(2);

    // PUT does not reload: it falls through to the later routes (the UI), as upstream's
    // method-restricted route does.
    ingot.writeConfig(passthrough('x', '"put"') + passthrough('y', 'testcomponents.passthrough.x.output'));
    const since = ingot.logLines().length;
    expect((await ingot.request('/-/reload', { method: 'PUT' })).body).not.toBe('config reloaded\n');
    expect((await component(ingot, 'testcomponents.passthrough.y')).exports).toEqual(output('via POST'));
    expect(ingot.logLines().slice(since).filter((line) => line.includes('reload'))).toEqual([]);
  });

  it('keeps the running graph when the config cannot be read, parsed or planned', async () => {
    const ingot = await start({ config: GOOD });
    const path = ingot.configPath;
    const before = await snapshot(ingot);

    const broken: readonly { readonly config: string | Buffer | undefined; readonly trigger: Trigger; readonly error: string | RegExp }[] = [
      {
        config: 'testcomponents.passthrough "x" {\n  input = \n}\n',
        trigger: 'POST',
        error: `reading config path ${JSON.stringify(path)}: ${path}:3:1: expected expression, got }\n`,
      },
      {
        config: 'testcomponents.passthrough "x" {\n  input = \n}\n',
        trigger: 'SIGHUP',
        error: `reading config path ${JSON.stringify(path)}: ${path}:3:1: expected expression, got }\n`,
      },
      {
        config: `${GOOD}nope.thing "z" {}\n`,
        trigger: 'GET',
        error: `error during the initial load: ${path}:7:1: cannot find the definition of component name "nope.thing"\n`,
      },
      {
        // Two unknown components: the first is reported, and how many more there are.
        config: `${GOOD}nope.thing "z" {}\nnope.other "w" {}\n`,
        trigger: 'POST',
        error: `error during the initial load: ${path}:7:1: cannot find the definition of component name "nope.thing" (and 1 more diagnostics)\n`,
      },
      {
        config: passthrough('x', 'testcomponents.passthrough.y.output') + passthrough('y', 'testcomponents.passthrough.x.output'),
        trigger: 'POST',
        // A cycle has no position, written `-`; its members in the order the search met them.
        error: /^error during the initial load: -: cycle: testcomponents\.passthrough\.(x, testcomponents\.passthrough\.y|y, testcomponents\.passthrough\.x)\n$/,
      },
      {
        config: passthrough('x', '"changed"') + passthrough('y', 'testcomponents.passthrough.y.output'),
        trigger: 'SIGHUP',
        error: 'error during the initial load: -: self reference: testcomponents.passthrough.y\n',
      },
      {
        config: undefined, // the file is gone
        trigger: 'POST',
        error: `reading config path ${JSON.stringify(path)}: stat ${path}: no such file or directory\n`,
      },
      {
        config: Buffer.from('a = "\xff"\n', 'latin1'),
        trigger: 'POST',
        error: `reading config path ${JSON.stringify(path)}: unknown encoding for config\n`,
      },
    ];
    for (const { config, trigger, error } of broken) {
      if (config === undefined) rmSync(path);
      else writeFileSync(path, config);
      const since = ingot.logLines().length;
      const result = await reload(ingot, trigger);
      const what = config === undefined ? '(config deleted)' : String(config);
      expect(result.status, what).toBe(400);
      if (typeof error === 'string') expect(result.body, what).toBe(error);
      else expect(result.body, what).toMatch(error);
      expect(await snapshot(ingot), what).toEqual(before);
      expect(await ingot.request('/-/healthy')).toMatchObject({ status: 200, body: 'All Alloy components are healthy.\n' });
      const logged = parseLogfmt(await ingot.waitForLog('msg="failed to reload config"', 5_000, since));
      expect(logged, what).toMatchObject({ level: 'error', err: result.body.trimEnd() });
    }

    const response = await ingot.request('/-/reload', { method: 'POST' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');

    // Still reloadable.
    ingot.writeConfig(passthrough('x', '"two"') + passthrough('y', 'testcomponents.passthrough.x.output'));
    expect(await reload(ingot, 'POST')).toEqual({ status: 200, body: 'config reloaded\n' });
    expect((await component(ingot, 'testcomponents.passthrough.y')).exports).toEqual(output('two'));
  });

  it('applies what evaluates of a partly failing config and reports the rest unhealthy', async () => {
    const ingot = await start({ config: GOOD + passthrough('z', '"zed"') });

    // x's argument has the wrong type; y changes; z goes; w is new.
    ingot.writeConfig(passthrough('x', 'true') + passthrough('y', '"changed"') + passthrough('w', '"new"'));
    const response = await ingot.request('/-/reload', { method: 'POST' });
    expect(response).toMatchObject({
      status: 400,
      body: `error during the initial load: ${ingot.configPath}:2:11: true should be string, got bool\n`,
    });

    const x = await component(ingot, 'testcomponents.passthrough.x');
    expect(x.health).toMatchObject({
      state: 'unhealthy',
      message: `component evaluation failed: decoding configuration: ${ingot.configPath}:2:11: true should be string, got bool`,
    });
    // It keeps its last good arguments and exports.
    expect(x.arguments).toEqual([{ name: 'input', type: 'attr', value: { type: 'string', value: 'one' } }]);
    expect(x.exports).toEqual(output('one'));
    expect((await component(ingot, 'testcomponents.passthrough.y')).exports).toEqual(output('changed'));
    expect((await component(ingot, 'testcomponents.passthrough.w')).exports).toEqual(output('new'));
    const list = JSON.parse((await ingot.request('/api/v0/web/components')).body) as { localID: string }[];
    expect(list.map((c) => c.localID).sort()).toEqual(['testcomponents.passthrough.w', 'testcomponents.passthrough.x', 'testcomponents.passthrough.y']);

    // Names, not IDs.
    expect(await ingot.request('/-/healthy')).toMatchObject({ status: 500, body: 'unhealthy components: testcomponents.passthrough\n' });

    // Fixing it makes everything healthy again.
    ingot.writeConfig(passthrough('x', '"fixed"') + passthrough('y', '"changed"') + passthrough('w', '"new"'));
    expect(await ingot.request('/-/reload', { method: 'POST' })).toMatchObject({ status: 200, body: 'config reloaded\n' });
    expect(await ingot.request('/-/healthy')).toMatchObject({ status: 200, body: 'All Alloy components are healthy.\n' });
    expect((await component(ingot, 'testcomponents.passthrough.x')).exports).toEqual(output('fixed'));
  });

  it('re-lists a directory on reload: added and removed files count', async () => {
    const ingot = await start({
      configPath: (dir) => {
        mkdirSync(join(dir, 'conf'));
        writeFileSync(join(dir, 'conf', 'a.alloy'), passthrough('a', '"from a"'));
        writeFileSync(join(dir, 'conf', 'notes.txt'), 'not a config');
        return join(dir, 'conf');
      },
    });
    const ids = async () => (JSON.parse((await ingot.request('/api/v0/web/components')).body) as { localID: string }[]).map((c) => c.localID).sort();
    expect(await ids()).toEqual(['testcomponents.passthrough.a']);

    writeFileSync(join(ingot.configPath, 'b.alloy'), passthrough('b', 'testcomponents.passthrough.a.output'));
    expect(await ingot.request('/-/reload')).toMatchObject({ status: 200, body: 'config reloaded\n' });
    expect(await ids()).toEqual(['testcomponents.passthrough.a', 'testcomponents.passthrough.b']);
    expect((await component(ingot, 'testcomponents.passthrough.b')).exports).toEqual(output('from a'));

    rmSync(join(ingot.configPath, 'a.alloy'));
    writeFileSync(join(ingot.configPath, 'b.alloy'), passthrough('b', '"alone"'));
    expect(await ingot.request('/-/reload')).toMatchObject({ status: 200, body: 'config reloaded\n' });
    expect(await ids()).toEqual(['testcomponents.passthrough.b']);

    // A diagnostic names the file it is in.
    const broken = join(ingot.configPath, 'c.alloy');
    writeFileSync(broken, 'nope.thing "c" {}\n');
    expect(await ingot.request('/-/reload')).toMatchObject({
      status: 400,
      body: `error during the initial load: ${broken}:1:1: cannot find the definition of component name "nope.thing"\n`,
    });
  });
});
