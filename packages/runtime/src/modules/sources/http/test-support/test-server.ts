/**
 * An HTTP(S) server on 127.0.0.1 for `import.http` tests: routes answer with what a test
 * sets, and every request is recorded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export type Route = (request: RecordedRequest, response: ServerResponse) => void;

export interface TestServer {
  /** `http(s)://127.0.0.1:<port>` without a trailing slash. */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Answers `path` with `route` from now on. Unknown paths get a 404. */
  route(path: string, route: Route): void;
  /** Shorthand: `path` answers 200 with `text`. */
  serve(path: string, text: string): void;
  stop(): Promise<void>;
}

export interface Certificate {
  readonly cert: string;
  readonly key: string;
}

export async function startServer(tls?: Certificate): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const requests: RecordedRequest[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(recorded);
      const route = routes.get(new URL(recorded.path, 'http://x').pathname);
      if (route === undefined) response.writeHead(404).end('404 page not found\n');
      else route(recorded, response);
    });
  };
  const server = tls === undefined ? createHttpServer(handle) : createHttpsServer(tls, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    requests,
    route: (path, route) => routes.set(path, route),
    serve: (path, text) => routes.set(path, (_, response) => response.writeHead(200).end(text)),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

/** A self-signed certificate for `ingot.test` and 127.0.0.1, made by the openssl CLI. */
export function selfSignedCertificate(): Certificate {
  const directory = mkdtempSync(join(tmpdir(), 'ingot-tls-'));
  try {
    const key = join(directory, 'key.pem');
    const cert = join(directory, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=ingot.test',
        '-addext', 'subjectAltName=DNS:ingot.test,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** A port nothing listens on right now (the kernel's pick, released again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
