import { gunzipSync, inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseContentCoding } from '../../src/server/compression.js';
import { closeTestServers, send, startTestServer } from './client.js';
import { componentInfo } from './fake-host.js';

afterEach(closeTestServers);

describe('<prefix>api/v0/web/', () => {
  it('lists the root components as JSON', async () => {
    const { server, host } = await startTestServer();
    const root = [componentInfo('pyroscope.write.default'), componentInfo('math.add.m')];
    host.modules.set('', root);

    const reply = await send(server, '/api/v0/web/components', { method: 'POST' });

    expect(reply.status).toBe(200);
    expect(reply.text).toBe(JSON.stringify(root));
    expect(reply.text.startsWith('[{"name":"pyroscope.write","type":"block","localID":"pyroscope.write.default"')).toBe(true);
  });

  it('lists the components of a module, whose ID may contain slashes', async () => {
    const { server, host } = await startTestServer();
    const inner = [componentInfo('local.file.x', 'math.add.m/math.add.n')];
    host.modules.set('math.add.m/math.add.n', inner);

    const reply = await send(server, '/api/v0/web/modules/math.add.m/math.add.n/components');

    expect(reply.status).toBe(200);
    expect(reply.text).toBe(JSON.stringify(inner));
  });

  it('is 500 module not found for an unknown module', async () => {
    const { server } = await startTestServer();

    const reply = await send(server, '/api/v0/web/modules/nope/components');

    expect(reply).toMatchObject({ status: 500, text: 'module not found\n' });
  });

  it('shows one component, splitting the ID at its last slash', async () => {
    const { server, host } = await startTestServer();
    const root = componentInfo('local.file.a');
    const nested = componentInfo('local.file.b', 'math.add.m/math.add.n');
    host.modules.set('', [root]);
    host.modules.set('math.add.m/math.add.n', [nested]);

    expect((await send(server, '/api/v0/web/components/local.file.a')).text).toBe(JSON.stringify(root));
    expect((await send(server, '/api/v0/web/components/math.add.m/math.add.n/local.file.b')).text).toBe(
      JSON.stringify(nested),
    );
  });

  it('is 404 page not found for an unknown component', async () => {
    const { server } = await startTestServer();

    for (const path of ['/api/v0/web/components/nope', '/api/v0/web/components/math.add.m/nope']) {
      expect(await send(server, path)).toMatchObject({ status: 404, text: '404 page not found\n' });
    }
  });

  it('lists the peers', async () => {
    const { server, host } = await startTestServer();

    const reply = await send(server, '/api/v0/web/peers');

    expect(reply.text).toBe('[{"name":"node-a","addr":"127.0.0.1:12345","isSelf":true,"state":"participant"}]');
    expect(reply.text).toBe(JSON.stringify(host.peerList));
  });

  it('compresses with the first coding the client lists, errors included', async () => {
    const { server, host } = await startTestServer();
    host.modules.set('', [componentInfo('local.file.a')]);
    const expected = JSON.stringify(host.modules.get(''));

    const gzipped = await send(server, '/api/v0/web/components', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['vary']).toBe('Accept-Encoding');
    expect(gunzipSync(gzipped.body).toString()).toBe(expected);

    const deflated = await send(server, '/api/v0/web/components', { headers: { 'Accept-Encoding': 'deflate, gzip' } });
    expect(deflated.headers['content-encoding']).toBe('deflate');
    expect(inflateSync(deflated.body).toString()).toBe(expected);

    const error = await send(server, '/api/v0/web/modules/nope/components', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(error.status).toBe(500);
    expect(gunzipSync(error.body).toString()).toBe('module not found\n');

    const plain = await send(server, '/api/v0/web/components', { headers: { 'Accept-Encoding': 'br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(expected);
  });

  it('lives under the UI prefix', async () => {
    const { server, host } = await startTestServer({ uiPathPrefix: '/alloy' });
    host.modules.set('', [componentInfo('local.file.a')]);

    expect((await send(server, '/alloy/api/v0/web/components')).text).toBe(JSON.stringify(host.modules.get('')));
    expect((await send(server, '/api/v0/web/components')).status).toBe(404);
  });
});

describe('chooseContentCoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['gzip', 'gzip'],
    ['br, deflate, gzip', 'deflate'],
    ['GZIP', 'gzip'],
    ['gzip;q=0, deflate', 'deflate'],
    ['gzip; q=0.5', 'gzip'],
    ['identity', undefined],
  ])('picks from %j: %s', (header, coding) => {
    expect(chooseContentCoding(header, ['gzip', 'deflate'])).toBe(coding);
  });
});

describe('the UI', () => {
  it('answers every other path under the prefix with the placeholder page', async () => {
    const { server } = await startTestServer();

    for (const path of ['/', '/component/local.file.a', '/graph', '/api/v0/web/graph', '/api/v0/web/components/']) {
      const reply = await send(server, path, { method: 'GET' });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.text).toContain('<base href="/">');
    }
  });

  it('redirects the prefix without its slash', async () => {
    const { server } = await startTestServer({ uiPathPrefix: '/ui/' });

    const reply = await send(server, '/ui');

    expect(reply.status).toBe(302);
    expect(reply.headers['location']).toBe('/ui/');
    const page = await send(server, '/ui/component/x');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<base href="/ui/">');
  });
});
