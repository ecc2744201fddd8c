import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestServers, send, startTestServer } from './client.js';

afterEach(closeTestServers);

describe('/-/healthy', () => {
  it('is 200 when no root component is unhealthy, for any method', async () => {
    const { server } = await startTestServer();

    for (const method of ['GET', 'POST', 'DELETE']) {
      const reply = await send(server, '/-/healthy', { method });
      expect(reply.status).toBe(200);
      expect(reply.text).toBe('All Alloy components are healthy.\n');
      expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
  });

  it('is 500 naming the unhealthy components', async () => {
    const { server, host } = await startTestServer();
    host.unhealthy = ['pyroscope.write', 'math.add'];

    const reply = await send(server, '/-/healthy');

    expect(reply.status).toBe(500);
    expect(reply.text).toBe('unhealthy components: pyroscope.write, math.add\n');
  });
});

describe('/-/ready', () => {
  it('is 200 once ready and 503 before', async () => {
    const { server, host } = await startTestServer();

    expect(await send(server, '/-/ready')).toMatchObject({ status: 200, text: 'Alloy is ready.\n' });
    host.isReady = false;
    expect(await send(server, '/-/ready', { method: 'PUT' })).toMatchObject({ status: 503, text: 'Alloy is not ready.\n' });
  });
});

describe('/-/reload', () => {
  it('reloads on GET and POST and logs the request (the host logs the outcome)', async () => {
    const { server, host, logger } = await startTestServer();

    for (const method of ['GET', 'POST']) {
      const reply = await send(server, '/-/reload', { method });
      expect(reply).toMatchObject({ status: 200, text: 'config reloaded\n' });
    }

    expect(host.reloads).toBe(2);
    expect(logger.lines).toEqual([
      { level: 'info', message: 'reload requested via /-/reload endpoint', fields: {} },
      { level: 'info', message: 'reload requested via /-/reload endpoint', fields: {} },
    ]);
  });

  it('is 400 with the error text when the reload fails', async () => {
    const { server, host } = await startTestServer();
    const message = 'error during the initial load: /etc/alloy/config.alloy:3:1: unrecognized attribute name "nope"';
    host.reloadOutcome = { ok: false, message };

    const reply = await send(server, '/-/reload', { method: 'POST' });

    expect(reply.status).toBe(400);
    expect(reply.text).toBe(`${message}\n`);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('lets other methods fall through to the later routes without reloading', async () => {
    const { server, host } = await startTestServer();

    const reply = await send(server, '/-/reload', { method: 'PUT' });

    expect(host.reloads).toBe(0);
    // With the UI at `/`, that is the UI's catch-all.
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});

describe('/metrics', () => {
  it('serves the host exposition with the Prometheus content type', async () => {
    const { server, host } = await startTestServer();
    host.metricsText = '# HELP a A.\n# TYPE a counter\na 1\n';

    const reply = await send(server, '/metrics', { method: 'POST' });

    expect(reply.status).toBe(200);
    expect(reply.text).toBe(host.metricsText);
    expect(reply.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(reply.headers['content-encoding']).toBeUndefined();
  });

  it('gzips for scrapers that accept it', async () => {
    const { server, host } = await startTestServer();

    const reply = await send(server, '/metrics', { headers: { 'Accept-Encoding': 'gzip' } });

    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(reply.body).toString()).toBe(host.metricsText);
  });
});

describe('anything else', () => {
  it('is 404 page not found outside the UI prefix', async () => {
    const { server } = await startTestServer({ uiPathPrefix: '/ui/' });

    for (const path of ['/', '/nope', '/-/healthy/', '/uix']) {
      const reply = await send(server, path);
      expect(reply.status, path).toBe(404);
      expect(reply.text).toBe('404 page not found\n');
    }
  });

  it('is 400 for a path that cannot be decoded, and the server goes on', async () => {
    const { server } = await startTestServer();

    const reply = await send(server, '/%zz');

    expect(reply.status).toBe(400);
    expect(reply.text).toBe('invalid URL escape "%zz"\n');
    expect((await send(server, '/-/ready')).status).toBe(200);
  });

  it('decodes the path before matching, as Go does', async () => {
    const { server } = await startTestServer();

    expect((await send(server, '/-/%72eady?x=%zz')).text).toBe('Alloy is ready.\n');
  });

  it('answers 500 without details and logs the error when the host throws', async () => {
    const { server, host, logger } = await startTestServer();
    host.metrics = async () => {
      throw new Error('token=hunter2 leaked');
    };
    host.unhealthyComponents = () => {
      throw new Error('broken');
    };

    for (const path of ['/metrics', '/-/healthy']) {
      const reply = await send(server, path);
      expect(reply.status).toBe(500);
      expect(reply.text).toBe('internal server error\n');
    }
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([
      { level: 'error', message: 'failed to serve HTTP request', fields: { method: 'GET', path: '/metrics', err: 'token=hunter2 leaked' } },
      { level: 'error', message: 'failed to serve HTTP request', fields: { method: 'GET', path: '/-/healthy', err: 'broken' } },
    ]);
    expect((await send(server, '/-/ready')).status).toBe(200);
  });
});
