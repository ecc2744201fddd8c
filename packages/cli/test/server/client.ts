import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { Logger, LogFields } from '@ingot/runtime';
import { startHttpServer, type HttpServer, type HttpServerOptions } from '../../src/server/index.js';
import { fakeHost, type FakeHost } from './fake-host.js';

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
}

/**
 * One request on a fresh connection (no agent), the path sent exactly as given so malformed
 * targets reach the server.
 */
export function send(
  server: HttpServer,
  path: string,
  init: { method?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: server.address.port,
        path,
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        agent: false,
        timeout: init.timeoutMs ?? 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text: body.toString('utf8') });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`request to ${path} timed out`)));
    request.on('error', reject);
    request.end();
  });
}

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: LogFields;
}

/** A logger that keeps its lines for the test to read. */
export function recordingLogger(lines: LogLine[] = []): Logger & { readonly lines: LogLine[] } {
  const at =
    (level: LogLine['level']) =>
    (message: string, fields: LogFields = {}): void => {
      lines.push({ level, message, fields });
    };
  const logger = {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

export interface TestServer {
  readonly server: HttpServer;
  readonly host: FakeHost;
  readonly logger: ReturnType<typeof recordingLogger>;
}

const open: HttpServer[] = [];

/** A server on 127.0.0.1 and a free port, over a fake host; closed by `closeTestServers`. */
export async function startTestServer(options: Partial<HttpServerOptions> = {}): Promise<TestServer> {
  const host = fakeHost();
  const logger = recordingLogger();
  const server = await startHttpServer({
    listenAddress: '127.0.0.1:0',
    enablePprof: false,
    host,
    logger,
    ...options,
  });
  open.push(server);
  return { server, host, logger };
}

/** For `afterEach`: closes every server the test started. */
export async function closeTestServers(): Promise<void> {
  await Promise.all(open.splice(0).map((server) => server.close()));
}
