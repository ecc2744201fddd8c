/**
 * `ingot run`: loads a config and runs it until SIGINT or SIGTERM, reloading on SIGHUP and
 * `/-/reload` (spec §5.1, §5.2). Returns the exit code: 1 when the initial load fails or the
 * HTTP server cannot listen, 0 after a graceful shutdown.
 */
import { hostname } from 'node:os';
import { LogSystem, loggingBlockHandler, Runtime, type AnyRegistration, type RuntimeHost } from '@ingot/runtime';
import { builtinImportSources, DefaultRegistry } from '@ingot/runtime';
import { renderDiagnostics, shouldUseColor, type StabilityLevel } from '@ingot/syntax';
import type { Io } from '../io.js';
import { processMetrics } from '../run/process-metrics.js';
import { clusterService, httpService, liveDebuggingService } from '../run/services.js';
import { parseListenAddress, type HttpServer } from '../server/index.js';

export interface RunOptions {
  readonly path: string;
  readonly listenAddress: string;
  readonly uiPathPrefix: string;
  readonly enablePprof: boolean;
  readonly storagePath: string;
  readonly stabilityLevel: StabilityLevel;
  readonly communityComponents: boolean;
  /** `--feature.component-shutdown-deadline` in milliseconds; 0 waits forever. */
  readonly shutdownDeadlineMs: number;
  readonly clusterName: string;
  readonly nodeName: string;
  readonly color: boolean;
  readonly version: string;
  /** Called once the HTTP server listens (tests read the port from here). */
  readonly onListening?: (server: HttpServer) => void;
}

export async function run(options: RunOptions, components: readonly AnyRegistration[], io: Io): Promise<number> {
  // Checked before anything starts, though the server listens only after the first load.
  try {
    parseListenAddress(options.listenAddress);
  } catch (error) {
    io.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  let listeningAt = options.listenAddress;

  const logs = new LogSystem({ write: (line) => io.stderr.write(line) });
  const logger = logs.logger;
  logger.info('Ingot is starting', { version: options.version });

  const shutdown = new AbortController();
  let fatal: Error | undefined;
  const stop = () => shutdown.abort();
  const unsubscribe = [io.signals.on('SIGINT', stop), io.signals.on('SIGTERM', stop)];

  // The HTTP service needs the runtime as its host, and the runtime needs its services.
  let runtime: Runtime | undefined;
  const host = lazyHost(() => runtime!);
  runtime = new Runtime({
    configPath: options.path,
    registry: new DefaultRegistry(components),
    lookup: { minStability: options.stabilityLevel, communityComponents: options.communityComponents },
    services: [
      httpService({
        listenAddress: options.listenAddress,
        uiPathPrefix: options.uiPathPrefix,
        enablePprof: options.enablePprof,
        host,
        logger,
        onListening: (server) => {
          const { host: address, port } = server.address;
          listeningAt = `${address.includes(':') ? `[${address}]` : address}:${port}`;
          options.onListening?.(server);
        },
        onFatal: (error) => {
          fatal = error;
          shutdown.abort();
        },
      }),
      clusterService(),
      liveDebuggingService(),
    ],
    storagePath: options.storagePath,
    importSources: builtinImportSources,
    logger,
    logging: loggingBlockHandler(logs),
    shutdownDeadlineMs: options.shutdownDeadlineMs,
    metrics: processMetrics(options.version),
    clusterName: options.clusterName,
    self: () => ({ name: options.nodeName, addr: listeningAt }),
  });

  try {
    const loaded = await runtime.load();
    if (!loaded.ok) {
      // The `logging` block was never applied: show what was logged with the defaults.
      logs.flushWithDefaults();
      if (loaded.diagnostics.length === 0) {
        io.stderr.write(`Error: ${loaded.message}\n`);
      } else {
        const color = shouldUseColor({ isTTY: io.stderr.isTTY, env: io.env, noColorFlag: !options.color });
        io.stderr.write(renderDiagnostics(loaded.diagnostics, loaded.sources, { color }));
        io.stdout.write('\n');
        io.stderr.write('Error: could not perform the initial load successfully\n');
      }
      return 1;
    }

    const running = runtime.controller.run(shutdown.signal);
    // Installed only now, as upstream: a reload before the first load has finished makes no sense.
    unsubscribe.push(io.signals.on('SIGHUP', () => void runtime.reload()));
    logger.info('Ingot is running');
    await running;
    logger.info('Ingot has shut down');
    if (fatal === undefined) return 0;
    io.stderr.write(`Error: ${fatal.message}\n`);
    return 1;
  } finally {
    for (const off of unsubscribe) off();
  }
}

/** A host that forwards to the runtime once it exists. */
function lazyHost(runtime: () => RuntimeHost): RuntimeHost {
  return {
    ready: () => runtime().ready(),
    reload: () => runtime().reload(),
    unhealthyComponents: () => runtime().unhealthyComponents(),
    components: (moduleId) => runtime().components(moduleId),
    component: (moduleId, localId) => runtime().component(moduleId, localId),
    componentHandler: (globalId) => runtime().componentHandler(globalId),
    metrics: () => runtime().metrics(),
    peers: () => runtime().peers(),
  };
}

/** The default `--cluster.node-name`. */
export function defaultNodeName(): string {
  return hostname();
}
