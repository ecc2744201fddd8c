import type { ComponentHandler } from '@ingot/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { splitComponentPath } from '../../src/server/component-path.js';
import { closeTestServers, send, startTestServer } from './client.js';

afterEach(closeTestServers);

describe('splitComponentPath', () => {
  const ids = new Set(['local.file.a', 'math.add.m', 'math.add.m/local.file.b']);
  const lookup = (id: string): string | undefined => (ids.has(id) ? id : undefined);

  it.each([
    ['local.file.a', 'local.file.a', ''],
    ['local.file.a/', 'local.file.a', '/'],
    ['local.file.a/x/y', 'local.file.a', '/x/y'],
    ['local.file.a/x/y/', 'local.file.a', '/x/y/'],
    ['/local.file.a', 'local.file.a', '/'],
    ['math.add.m/local.file.b/metrics', 'math.add.m/local.file.b', '/metrics'],
    ['math.add.m/local.file.c/metrics', 'math.add.m', '/local.file.c/metrics'],
    ['local.file.a//', 'local.file.a', '/'],
  ])('splits %j into the longest existing ID and the rest', (path, id, rest) => {
    expect(splitComponentPath(path, lookup)).toEqual({ component: id, id, rest });
  });

  it.each(['', '/', '//', 'nope', 'nope/local.file.a', 'local.file'])('finds nothing in %j', (path) => {
    expect(splitComponentPath(path, lookup)).toBeUndefined();
  });
});

describe('/api/v0/component/', () => {
  /** A handler that answers with what it was given. */
  const echo: ComponentHandler = (request, response, path) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ method: request.method, url: request.url, path }));
  };

  it.each([
    ['/api/v0/component/local.file.a', ''],
    ['/api/v0/component/local.file.a/', '/'],
    ['/api/v0/component/local.file.a/x/y', '/x/y'],
    ['/api/v0/component/local.file.a/x/y?q=1', '/x/y'],
  ])('gives %s to the handler with path %j', async (url, path) => {
    const { server, host } = await startTestServer();
    host.handlers.set('local.file.a', echo);

    const reply = await send(server, url, { method: 'PATCH' });

    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ method: 'PATCH', url, path });
  });

  it('prefers the longest ID, for components inside modules', async () => {
    const { server, host } = await startTestServer();
    host.handlers.set('math.add.m', echo);
    host.handlers.set('math.add.m/local.file.b', echo);

    const reply = await send(server, '/api/v0/component/math.add.m/local.file.b/metrics');

    expect(JSON.parse(reply.text)).toMatchObject({ path: '/metrics' });
    expect(host.handlerLookups).toEqual(['math.add.m/local.file.b/metrics', 'math.add.m/local.file.b']);
  });

  it('is 400 quoting the whole path when no component matches', async () => {
    const { server } = await startTestServer();

    for (const path of ['/api/v0/component/foo/bar', '/api/v0/component/']) {
      const reply = await send(server, path);
      expect(reply.status).toBe(400);
      expect(reply.text).toBe(`failed to parse URL path "${path}": invalid path\n`);
    }
  });

  it('is 404 with an empty body for a component without a handler', async () => {
    const { server, host } = await startTestServer();
    host.handlers.set('local.file.a', undefined);

    const reply = await send(server, '/api/v0/component/local.file.a/metrics');

    expect(reply.status).toBe(404);
    expect(reply.text).toBe('');
  });

  it('answers 500 and logs when a handler throws, synchronously or not', async () => {
    const { server, host, logger } = await startTestServer();
    host.handlers.set('sync.thrower', () => {
      throw new Error('sync failure');
    });
    host.handlers.set('async.thrower', async () => {
      throw new Error('async failure');
    });

    for (const id of ['sync.thrower', 'async.thrower']) {
      const reply = await send(server, `/api/v0/component/${id}/x`);
      expect(reply).toMatchObject({ status: 500, text: 'internal server error\n' });
    }
    expect(logger.lines.filter((line) => line.level === 'error').map((line) => line.fields['err'])).toEqual([
      'sync failure',
      'async failure',
    ]);
  });

  it('cuts the connection when a handler throws after it started answering', async () => {
    const { server, host, logger } = await startTestServer();
    host.handlers.set('half.answer', (_request, response) => {
      response.writeHead(200);
      response.write('partial');
      throw new Error('midway');
    });

    await expect(send(server, '/api/v0/component/half.answer')).rejects.toThrow();
    expect(logger.lines.some((line) => line.fields['err'] === 'midway')).toBe(true);
    expect((await send(server, '/-/ready')).status).toBe(200);
  });
});
