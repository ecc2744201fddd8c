import { createServer, type Server } from 'node:http';
import type { Logger, RuntimeHost } from '@ingot/runtime';
import { listen } from './listen.js';
import { parseListenAddress, type ListenAddress } from './listen-address.js';
import { holdHeapSampling } from './profiling/heap-sampler.js';
import { createRequestListener } from './router.js';
import { componentHandlersRoute } from './routes/component-handlers.js';
import { healthyRoute } from './routes/healthy.js';
import { metricsRoute } from './routes/metrics.js';
import { pprofRoute } from './routes/pprof.js';
import { readyRoute } from './routes/ready.js';
import { reloadRoute } from './routes/reload.js';
import { uiRoute } from './routes/ui.js';
import { webApiRoute } from './routes/web-api.js';
import { normalizeUiPrefix } from './ui-prefix.js';

export { parseListenAddress } from './listen-address.js';
export type { ListenAddress } from './listen-address.js';

export interface HttpServerOptions {
  /** `--server.http.listen-addr`: `host:port`, `[ipv6]:port` or `:port`; port 0 picks one. */
  readonly listenAddress: string;
  /** `--server.http.ui-path-prefix`; `/` when left out. */
  readonly uiPathPrefix?: string;
  /** `--server.http.enable-pprof`: serve `/debug/pprof/` and keep heap sampling on. */
  readonly enablePprof: boolean;
  readonly host: RuntimeHost;
  readonly logger?: Logger;
}

export interface HttpServer {
  /** Where the server listens, with the port picked when 0 was asked for. */
  readonly address: { readonly host: string; readonly port: number };
  /** Stops listening and ends in-flight requests; idempotent. */
  close(): Promise<void>;
}

/**
 * How long `close` lets in-flight requests finish before cutting their connections; a
 * component handler that never answers must not keep the process alive.
 */
const CLOSE_GRACE_MS = 2_000;

/**
 * Starts Alloy's HTTP server (spec §6): plain HTTP/1.1 for now (upstream also speaks h2c on
 * the same port, which cluster gossip needs; that comes with clustering). Routes in upstream's
 * precedence; see each route's module. An unusable address rejects with the parse error, a
 * failed bind with `failed to listen on <address>: <reason>`. The caller logs upstream's
 * `now listening for http traffic`, since it also decides what a failure to listen means.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const address = parseListenAddress(options.listenAddress);
  const logger = options.logger ?? silentLogger;
  const uiPrefix = normalizeUiPrefix(options.uiPathPrefix ?? '/');
  // Aborted by close(), to end waits (CPU profiles) that would otherwise hold it up.
  const shutdown = new AbortController();

  const server = createServer(
    createRequestListener(
      [
        healthyRoute(options.host),
        metricsRoute(options.host),
        pprofRoute(options.enablePprof, shutdown.signal),
        componentHandlersRoute(options.host),
        readyRoute(options.host),
        reloadRoute(options.host, logger),
        webApiRoute(options.host, uiPrefix),
        uiRoute(uiPrefix),
      ],
      logger,
    ),
  );

  const releaseHeapSampling = options.enablePprof ? await holdHeapSampling() : () => {};
  let bound: ListenAddress;
  try {
    bound = await listen(server, address, options.listenAddress);
  } catch (error) {
    releaseHeapSampling();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    address: bound,
    close: () => (closing ??= closeServer(server, shutdown, releaseHeapSampling)),
  };
}

async function closeServer(server: Server, shutdown: AbortController, release: () => void): Promise<void> {
  shutdown.abort();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
  try {
    await closed;
  } finally {
    clearTimeout(force);
    release();
  }
}

const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
