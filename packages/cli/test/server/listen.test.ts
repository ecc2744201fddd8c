import { afterEach, describe, expect, it } from 'vitest';
import { parseListenAddress, startHttpServer } from '../../src/server/index.js';
import { fakeHost } from './fake-host.js';
import { closeTestServers, send, startTestServer } from './client.js';

afterEach(closeTestServers);

describe('parseListenAddress', () => {
  it.each([
    ['127.0.0.1:12345', { host: '127.0.0.1', port: 12345 }],
    ['0.0.0.0:0', { host: '0.0.0.0', port: 0 }],
    [':12345', { host: '', port: 12345 }],
    ['localhost:65535', { host: 'localhost', port: 65535 }],
    ['[::1]:80', { host: '::1', port: 80 }],
    ['[::]:0', { host: '::', port: 0 }],
  ])('reads %s', (text, expected) => {
    expect(parseListenAddress(text)).toEqual(expected);
  });

  it.each([
    ['nope', 'invalid listen address "nope": missing port in address'],
    ['127.0.0.1', 'invalid listen address "127.0.0.1": missing port in address'],
    ['127.0.0.1:', 'invalid listen address "127.0.0.1:": missing port in address'],
    ['1.2.3.4:99999', 'invalid listen address "1.2.3.4:99999": invalid port "99999" (expected a number from 0 to 65535)'],
    ['1.2.3.4:http', 'invalid listen address "1.2.3.4:http": invalid port "http" (expected a number from 0 to 65535)'],
    ['1.2.3.4:-1', 'invalid listen address "1.2.3.4:-1": invalid port "-1" (expected a number from 0 to 65535)'],
    ['::1:80', 'invalid listen address "::1:80": too many colons in address (write an IPv6 address in brackets, e.g. [::1]:12345)'],
    ['[::1]', 'invalid listen address "[::1]": missing port in address'],
    ['[::1:80', `invalid listen address "[::1:80": missing ']' in address`],
    ['[1.2.3.4]:80', 'invalid listen address "[1.2.3.4]:80": "1.2.3.4" is not an IPv6 address'],
    ['[::1]x:80', `invalid listen address "[::1]x:80": unexpected "x:80" after ']'`],
    ['bad host:80', 'invalid listen address "bad host:80": "bad host" is not a host name or IP address'],
    ['', 'invalid listen address "": missing port in address'],
  ])('refuses %j', (text, message) => {
    expect(() => parseListenAddress(text)).toThrow(new Error(message));
  });
});

describe('startHttpServer', () => {
  it('listens on a free port when asked for port 0 and reports it', async () => {
    const { server } = await startTestServer();

    expect(server.address.host).toBe('127.0.0.1');
    expect(server.address.port).toBeGreaterThan(0);
    expect((await send(server, '/-/ready')).status).toBe(200);
  });

  it('rejects with upstream wording when the port is taken', async () => {
    const { server } = await startTestServer();
    const taken = `127.0.0.1:${server.address.port}`;

    await expect(startHttpServer({ listenAddress: taken, enablePprof: false, host: fakeHost() })).rejects.toThrow(
      new Error(`failed to listen on ${taken}: listen tcp ${taken}: bind: address already in use`),
    );
    // The first server is unaffected.
    expect((await send(server, '/-/ready')).status).toBe(200);
  });

  it('rejects an invalid address with the parse error', async () => {
    await expect(startHttpServer({ listenAddress: 'nope', enablePprof: false, host: fakeHost() })).rejects.toThrow(
      'invalid listen address "nope": missing port in address',
    );
  });

  it('closes once however often close is called, and then refuses connections', async () => {
    const { server } = await startTestServer();

    await Promise.all([server.close(), server.close()]);
    await server.close();

    await expect(send(server, '/-/ready')).rejects.toThrow(/ECONNREFUSED/);
  });
});
