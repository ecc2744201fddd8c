/** `import.http` against a real HTTP server on 127.0.0.1. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSource, eventually, rejection } from './test-support/harness.js';
import { freePort, startServer, type TestServer } from './test-support/test-server.js';

const MODULE = 'declare "add" {}';

describe('import.http', { timeout: 10_000 }, () => {
  let server: TestServer;
  const watches: AbortController[] = [];

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    for (const watch of watches.splice(0)) watch.abort();
    await server.stop();
  });

  describe('fetching', () => {
    it('GETs the URL: one entry named by its last path element, trimmed as upstream', async () => {
      server.serve('/modules/math.alloy', `\n  ${MODULE}\n\n`);
      const { source } = createSource(`url = "${server.origin}/modules/math.alloy"`);
      expect([...(await source.fetch())]).toEqual([['math.alloy', MODULE]]);
      expect(source.modulePath).toBe(`${server.origin}/modules/`);
      expect(source.health?.()).toMatchObject({ state: 'healthy', message: 'polled endpoint' });
      const [request] = server.requests;
      expect(request?.method).toBe('GET');
      expect(request?.headers['user-agent']).toMatch(/^Ingot\/v\d+\.\d+\.\d+ \(\w+; node\)$/);
    });

    it('names content by the whole URL when the path ends in a slash', async () => {
      server.serve('/modules/', MODULE);
      const { source } = createSource(`url = "${server.origin}/modules/"`);
      expect([...(await source.fetch()).keys()]).toEqual([`${server.origin}/modules/`]);
      expect(source.modulePath).toBe(`${server.origin}/modules/`);
    });

    it('sends headers; a User-Agent among them replaces the default', async () => {
      server.serve('/m.alloy', MODULE);
      const { source } = createSource(
        `url = "${server.origin}/m.alloy"\nheaders = { "X-Scope-OrgID" = "tenant", "user-agent" = "mine" }`,
      );
      await source.fetch();
      expect(server.requests[0]?.headers).toMatchObject({ 'x-scope-orgid': 'tenant', 'user-agent': 'mine' });
    });

    it('POSTs a body', async () => {
      server.route('/render', (request, response) => response.writeHead(200).end(`declare "${request.body}" {}`));
      const { source } = createSource(`url = "${server.origin}/render"\nmethod = "POST"\nbody = "posted"`);
      expect([...(await source.fetch()).values()]).toEqual(['declare "posted" {}']);
      expect(server.requests[0]).toMatchObject({ method: 'POST', body: 'posted' });
      expect(server.requests[0]?.headers['content-length']).toBe('6');
    });

    it('rejects anything but 200, as upstream: with its text, in the health and the log', async () => {
      server.route('/empty', (_, response) => response.writeHead(204).end());
      const missing = createSource(`url = "${server.origin}/missing.alloy"`);
      await expect(missing.source.fetch()).rejects.toThrow(/^unexpected status code 404 Not Found$/);
      expect(missing.source.health?.()).toMatchObject({
        state: 'unhealthy',
        message: 'polling failed: unexpected status code 404 Not Found',
      });
      expect(missing.logger.lines).toMatchObject([
        { level: 'error', message: 'unexpected status code from response', fields: { status: '404 Not Found' } },
      ]);
      const empty = createSource(`url = "${server.origin}/empty"`);
      await expect(empty.source.fetch()).rejects.toThrow('unexpected status code 204 No Content');
    });

    it('times out after poll_timeout, waiting for the response or for its body', async () => {
      server.route('/slow', (_, response) => setTimeout(() => response.writeHead(200).end(MODULE), 3_000).unref());
      server.route('/stalled', (_, response) => {
        response.writeHead(200);
        response.write('declare');
      });
      const started = Date.now();
      const slow = createSource(`url = "${server.origin}/slow"\npoll_timeout = "200ms"`).source;
      await expect(slow.fetch()).rejects.toThrow(
        new RegExp(`^performing request: Get "${server.origin}/slow": context deadline exceeded$`),
      );
      const stalled = createSource(`url = "${server.origin}/stalled"\npoll_timeout = "200ms"`).source;
      await expect(stalled.fetch()).rejects.toThrow(/^reading response: context deadline exceeded$/);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('words a refused connection as Go does', async () => {
      const port = await freePort();
      const { source, logger } = createSource(`url = "http://127.0.0.1:${port}/m.alloy"`);
      await expect(source.fetch()).rejects.toThrow(
        `performing request: Get "http://127.0.0.1:${port}/m.alloy": dial tcp 127.0.0.1:${port}: connect: connection refused`,
      );
      expect(logger.lines.map((line) => line.message)).toEqual(['failed to perform request']);
    });

    it('refuses what Go cannot request: a bad method, a bad URL, another scheme', async () => {
      await expect(createSource(`url = "${server.origin}/m"\nmethod = "G T"`).source.fetch()).rejects.toThrow(
        'building request: net/http: invalid method "G T"',
      );
      await expect(createSource('url = "::nope"').source.fetch()).rejects.toThrow('building request: parse "::nope": invalid URL');
      await expect(createSource('url = "ftp://127.0.0.1/m.alloy"').source.fetch()).rejects.toThrow(
        'performing request: Get "ftp://127.0.0.1/m.alloy": unsupported protocol scheme "ftp"',
      );
    });

    it('masks a password in the URL, as Go does', async () => {
      const port = await freePort();
      const error = await rejection(createSource(`url = "http://me:s3cret@127.0.0.1:${port}/m.alloy"`).source.fetch());
      expect(error.message).toContain(`Get "http://me:***@127.0.0.1:${port}/m.alloy"`);
      expect(error.message).not.toContain('s3cret');
    });

    it('leaves the health alone when the caller aborts', async () => {
      server.route('/slow', (_, response) => setTimeout(() => response.writeHead(200).end(MODULE), 3_000).unref());
      const { source } = createSource(`url = "${server.origin}/slow"`);
      const controller = new AbortController();
      const fetching = source.fetch(controller.signal);
      setTimeout(() => controller.abort(), 50);
      await expect(fetching).rejects.toThrow(/context canceled$/);
      expect(source.health?.()).toMatchObject({ state: 'unknown', message: 'component started' });
    });
  });

  describe('client', () => {
    const cases = [
      ['bearer_token', 'client {\n bearer_token = "tok"\n}', 'Bearer tok'],
      ['basic_auth', 'client {\n basic_auth {\n  username = "u"\n  password = "p"\n }\n}', `Basic ${btoa('u:p')}`],
      ['authorization', 'client {\n authorization {\n  type = "Token"\n  credentials = "c"\n }\n}', 'Token c'],
      ['authorization without type', 'client {\n authorization {\n  credentials = "c"\n }\n}', 'Bearer c'],
    ] as const;
    it.each(cases)('authenticates with %s', async (_, block, expected) => {
      server.serve('/m.alloy', MODULE);
      await createSource(`url = "${server.origin}/m.alloy"\n${block}`).source.fetch();
      expect(server.requests[0]?.headers.authorization).toBe(expected);
    });

    it('leaves an Authorization header from headers alone, as Prometheus does', async () => {
      server.serve('/m.alloy', MODULE);
      await createSource(
        `url = "${server.origin}/m.alloy"\nheaders = { "Authorization" = "Custom x" }\nclient {\n bearer_token = "tok"\n}`,
      ).source.fetch();
      expect(server.requests[0]?.headers.authorization).toBe('Custom x');
    });

    it('follows redirects (a POST becomes a GET on 302) unless told not to', async () => {
      server.route('/old', (_, response) => response.writeHead(302, { Location: '/new.alloy' }).end());
      server.serve('/new.alloy', MODULE);
      const followed = createSource(`url = "${server.origin}/old"\nmethod = "POST"\nbody = "x"`).source;
      expect([...(await followed.fetch()).values()]).toEqual([MODULE]);
      expect(server.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual(['POST /old x', 'GET /new.alloy ']);

      const kept = createSource(`url = "${server.origin}/old"\nclient {\n follow_redirects = false\n}`).source;
      await expect(kept.fetch()).rejects.toThrow('unexpected status code 302 Found');
    });

    it('stops after 10 redirects, as Go does', async () => {
      server.route('/loop', (_, response) => response.writeHead(307, { Location: '/loop' }).end());
      await expect(createSource(`url = "${server.origin}/loop"`).source.fetch()).rejects.toThrow(
        `performing request: Get "${server.origin}/loop": stopped after 10 redirects`,
      );
      expect(server.requests).toHaveLength(10);
    });
  });

  describe('watching', () => {
    it('asks for a fetch every poll_frequency; the fetch picks up the new content', async () => {
      server.serve('/m.alloy', 'declare "v1" {}');
      const { source } = createSource(`url = "${server.origin}/m.alloy"\npoll_frequency = "100ms"`);
      await source.fetch();
      const seen: string[] = [];
      const controller = new AbortController();
      watches.push(controller);
      const watching = source.watch(controller.signal, () => {
        void source.fetch().then((content) => seen.push(content.get('m.alloy') ?? ''));
      });
      server.serve('/m.alloy', 'declare "v2" {}');
      await eventually(() => seen.includes('declare "v2" {}'));
      controller.abort();
      await expect(watching).resolves.toBeUndefined();
    });
  });
});
