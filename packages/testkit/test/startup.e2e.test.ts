/** `ingot run` on a good config: ready, healthy, the UI API, and a file change flowing through. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../src/index.js';
import { str, useIngot } from './support.js';

const start = useIngot();

interface ComponentInfo {
  readonly localID: string;
  readonly name: string;
  readonly label?: string;
  readonly referencesTo: readonly string[];
  readonly referencedBy: readonly string[];
  readonly health: { readonly state: string; readonly message: string; readonly updatedTime: string };
  readonly arguments: readonly unknown[];
  readonly exports: readonly unknown[];
}

/** local.file "a" reads the name of the file local.file "b" reads. */
function chain(dir: string): string {
  writeFileSync(join(dir, 'a.txt'), 'b.txt');
  writeFileSync(join(dir, 'b.txt'), 'hello');
  return (
    `local.file "a" {\n  filename = ${str(join(dir, 'a.txt'))}\n}\n` +
    `local.file "b" {\n  filename = ${str(dir + '/')} + local.file.a.content\n}\n`
  );
}

describe('ingot run: startup', { timeout: 30_000 }, () => {
  it('is ready and healthy, lists the components with their health and describes one', async () => {
    const ingot = await start({ config: chain });
    expect(await ingot.request('/-/ready')).toMatchObject({ status: 200, body: 'Alloy is ready.\n' });
    expect(await ingot.request('/-/healthy')).toMatchObject({ status: 200, body: 'All Alloy components are healthy.\n' });

    const list = await ingot.request('/api/v0/web/components');
    expect(list.status).toBe(200);
    const components = JSON.parse(list.body) as ComponentInfo[];
    expect(components.map((c) => c.localID).sort()).toEqual(['local.file.a', 'local.file.b']);
    for (const component of components) {
      // The message is the latest of the run's and the component's own (`started component`, `read file`).
      expect(component).toMatchObject({ name: 'local.file', health: { state: 'healthy' }, arguments: [], exports: [] });
      expect(Number.isNaN(Date.parse(component.health.updatedTime))).toBe(false);
    }
    expect(components.find((c) => c.localID === 'local.file.b')).toMatchObject({ label: 'b', referencesTo: ['local.file.a'], referencedBy: [] });

    const b = await ingot.request('/api/v0/web/components/local.file.b');
    expect(b.status).toBe(200);
    expect(JSON.parse(b.body)).toMatchObject({
      localID: 'local.file.b',
      moduleID: '',
      arguments: [{ name: 'filename', type: 'attr', value: { type: 'string', value: join(ingot.dir, 'b.txt') } }],
      exports: [{ name: 'content', type: 'attr', value: { type: 'capsule', value: '"hello"' } }],
    });

    const missing = await ingot.request('/api/v0/web/components/local.file.nope');
    expect(missing).toMatchObject({ status: 404, body: '404 page not found\n' });

    const peers = JSON.parse((await ingot.request('/api/v0/web/peers')).body) as unknown;
    expect(peers).toEqual([{ name: expect.any(String), addr: `127.0.0.1:${ingot.port}`, isSelf: true, state: 'participant' }]);
    // local.file has no HTTP handler; an unknown component is a bad path.
    expect(await ingot.request('/api/v0/component/local.file.a/')).toMatchObject({ status: 404, body: '' });
    expect(await ingot.request('/api/v0/component/nope/x')).toMatchObject({
      status: 400,
      body: 'failed to parse URL path "/api/v0/component/nope/x": invalid path\n',
    });
  });

  it('follows a file change through the chain', async () => {
    const ingot = await start({ config: chain });
    const contentOfB = async () => {
      const info = JSON.parse((await ingot.request('/api/v0/web/components/local.file.b')).body) as ComponentInfo;
      return JSON.stringify(info.exports);
    };

    // b's own file changes.
    writeFileSync(join(ingot.dir, 'b.txt'), 'changed');
    await waitFor(async () => (await contentOfB()).includes('\\"changed\\"'), {
      description: "local.file.b's export to follow b.txt",
      context: ingot.stderrText,
    });

    // a now names another file: b re-evaluates with the new filename.
    writeFileSync(join(ingot.dir, 'c.txt'), 'from c');
    writeFileSync(join(ingot.dir, 'a.txt'), 'c.txt');
    await waitFor(async () => (await contentOfB()).includes('\\"from c\\"'), {
      description: 'local.file.b to read the file local.file.a names',
      context: ingot.stderrText,
    });
    const b = JSON.parse((await ingot.request('/api/v0/web/components/local.file.b')).body) as ComponentInfo;
    expect(b.arguments).toEqual([{ name: 'filename', type: 'attr', value: { type: 'string', value: join(ingot.dir, 'c.txt') } }]);
  });
});
