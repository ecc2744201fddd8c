/**
 * Git's smart HTTP protocol on 127.0.0.1: `git http-backend` run as a CGI program behind a
 * node:http server, optionally behind basic auth.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHttpServer {
  /** `http://127.0.0.1:<port>/`: append a repository's path under the project root. */
  readonly url: string;
  /** The `Authorization` header of every request, `undefined` when there was none. */
  readonly authorizations: (string | undefined)[];
  stop(): Promise<void>;
}

export interface GitHttpServerOptions {
  /** When set, requests without these credentials get a 401. */
  readonly basicAuth?: { readonly username: string; readonly password: string };
}

export async function startGitHttpServer(projectRoot: string, options: GitHttpServerOptions = {}): Promise<GitHttpServer> {
  const authorizations: (string | undefined)[] = [];
  const expected =
    options.basicAuth === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.basicAuth.username}:${options.basicAuth.password}`).toString('base64')}`;

  const server = createServer((request, response) => {
    authorizations.push(request.headers.authorization);
    if (expected !== undefined && request.headers.authorization !== expected) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('unauthorized\n');
      return;
    }
    runBackend(projectRoot, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    authorizations,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs one request through `git http-backend`, translating CGI in and out. */
function runBackend(projectRoot: string, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const header = (name: string): string => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: decodeURIComponent(url.pathname),
    REQUEST_METHOD: request.method ?? 'GET',
    QUERY_STRING: url.search.replace(/^\?/, ''),
    CONTENT_TYPE: header('content-type'),
    REMOTE_ADDR: '127.0.0.1',
    REMOTE_USER: remoteUser(header('authorization')),
    HTTP_CONTENT_ENCODING: header('content-encoding'),
    GIT_PROTOCOL: header('git-protocol'),
  };
  if (request.headers['content-length'] !== undefined) env.CONTENT_LENGTH = header('content-length');

  const backend = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  request.pipe(backend.stdin);
  backend.stdin.on('error', () => {});

  let head = Buffer.alloc(0);
  let headersDone = false;
  backend.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    headersDone = true;
    let status = 200;
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else response.setHeader(name, value);
    }
    response.writeHead(status);
    response.write(head.subarray(end + 4));
  });
  backend.on('close', () => {
    if (!headersDone) response.writeHead(502);
    response.end();
  });
}

/** The user name of a basic `Authorization` header, for `REMOTE_USER`. */
function remoteUser(authorization: string): string {
  if (!authorization.startsWith('Basic ')) return '';
  return Buffer.from(authorization.slice(6), 'base64').toString().split(':')[0] ?? '';
}
