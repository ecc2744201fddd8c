import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestServers, send, startTestServer } from './client.js';
import { readPprof } from './pprof-proto.js';

afterEach(closeTestServers);

describe('/debug/pprof/ when enabled', () => {
  it('serves a heap profile of this process as gzipped pprof', async () => {
    const { server } = await startTestServer({ enablePprof: true });
    // About 16 MiB of live JS objects: at one sample per 512 KiB, the sampler cannot miss them all.
    const kept = Array.from({ length: 256 }, (_, i) => Array.from({ length: 8192 }, (_, j) => ({ i, j })));

    const reply = await send(server, '/debug/pprof/heap');

    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect(reply.headers['content-disposition']).toBe('attachment; filename="profile"');
    const profile = readPprof(reply.body);
    expect(profile.sampleTypes).toEqual([
      ['inuse_objects', 'count'],
      ['inuse_space', 'bytes'],
    ]);
    expect(profile.samples).toBeGreaterThan(0);
    expect(kept).toHaveLength(256);
  });

  it('serves a CPU profile of the asked duration', async () => {
    const { server } = await startTestServer({ enablePprof: true });
    const started = Date.now();

    const reply = await send(server, '/debug/pprof/profile?seconds=1');

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect(reply.headers['content-disposition']).toBe('attachment; filename="profile"');
    expect(readPprof(reply.body).sampleTypes).toEqual([
      ['sample', 'count'],
      ['wall', 'nanoseconds'],
    ]);
  });

  it('refuses a second CPU profile while one runs, as Go does', async () => {
    const { server } = await startTestServer({ enablePprof: true });

    const first = send(server, '/debug/pprof/profile?seconds=1');
    // The first request reaches the profiler before the second is even sent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await send(server, '/debug/pprof/profile?seconds=1');

    expect(second.status).toBe(500);
    expect(second.text).toBe('Could not enable CPU profiling: cpu profiling already in use\n');
    expect(second.headers['x-go-pprof']).toBe('1');
    expect((await first).status).toBe(200);
    // Once the first is done, the profiler is free again.
    expect((await send(server, '/debug/pprof/profile?seconds=1')).status).toBe(200);
  });

  it.each(['0', '-1', '1.5', 'abc', '', '301', '99999999999999999999'])('is 400 for seconds=%j', async (seconds) => {
    const { server } = await startTestServer({ enablePprof: true });

    const reply = await send(server, `/debug/pprof/profile?seconds=${seconds}`);

    expect(reply.status).toBe(400);
    expect(reply.text).toBe(`invalid seconds "${seconds}": want a whole number of seconds from 1 to 300\n`);
  });

  it('ends a running CPU profile when the server closes', async () => {
    const { server } = await startTestServer({ enablePprof: true });
    const pending = send(server, '/debug/pprof/profile?seconds=300').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();

    await server.close();

    expect(Date.now() - started).toBeLessThan(2_000);
    const reply = await pending;
    expect(reply).toMatchObject({ status: 200 });
  });

  it('frees the profiler when the client of a CPU profile goes away', async () => {
    const { server } = await startTestServer({ enablePprof: true });
    const abandoned = request({ host: '127.0.0.1', port: server.address.port, path: '/debug/pprof/profile?seconds=300', agent: false });
    abandoned.on('error', () => {});
    abandoned.end();
    await new Promise((resolve) => setTimeout(resolve, 200));

    abandoned.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect((await send(server, '/debug/pprof/profile?seconds=1')).status).toBe(200);
  });

  it('lists the profiles, redirects the bare path and knows no others', async () => {
    const { server } = await startTestServer({ enablePprof: true });

    const index = await send(server, '/debug/pprof/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<a href="heap">heap</a>');
    expect(index.text).toContain('<a href="profile?seconds=30">profile</a>');

    const bare = await send(server, '/debug/pprof');
    expect(bare.status).toBe(301);
    expect(bare.headers['location']).toBe('/debug/pprof/');

    const unknown = await send(server, '/debug/pprof/goroutine');
    expect(unknown).toMatchObject({ status: 404, text: 'Unknown profile\n' });
  });
});

describe('/debug/pprof/ when disabled', () => {
  it('is 404 page not found, even with the UI at /', async () => {
    const { server } = await startTestServer({ enablePprof: false });

    for (const path of ['/debug/pprof', '/debug/pprof/', '/debug/pprof/heap', '/debug/pprof/profile?seconds=1']) {
      expect(await send(server, path), path).toMatchObject({ status: 404, text: '404 page not found\n' });
    }
  });
});
