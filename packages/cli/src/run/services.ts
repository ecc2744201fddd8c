import { attr, block, t } from '@ingot/syntax';
import { untilAborted, type AnyServiceDefinition, type Logger, type RuntimeHost } from '@ingot/runtime';
import { startHttpServer, type HttpServer } from '../server/index.js';

type Description = Omit<AnyServiceDefinition, 'service'>;

const HTTP: Description = { name: 'http', config: block({ fields: {} }), stability: 'generally-available', dependsOn: [] };
const CLUSTER: Description = { name: 'cluster', config: undefined, stability: 'generally-available', dependsOn: ['http'] };
const LIVE_DEBUGGING: Description = {
  name: 'livedebugging',
  config: block({ fields: { enabled: attr(t.bool, { default: false }) } }),
  stability: 'generally-available',
  dependsOn: [],
};

export interface HttpServiceOptions {
  readonly listenAddress: string;
  readonly uiPathPrefix: string;
  readonly enablePprof: boolean;
  readonly host: RuntimeHost;
  readonly logger: Logger;
  /** Called once the server listens, with its address. */
  readonly onListening?: (server: HttpServer) => void;
  /** Called when the server cannot listen: `ingot run` then exits 1 (spec §5.2 step 6). */
  readonly onFatal: (error: Error) => void;
}

/**
 * The `http` service (spec §1.3, §6): the HTTP server, listening from the first
 * synchronize after the initial load until shutdown. Its block takes no settings yet:
 * `tls` and `auth` come later, so `http { tls { … } }` is reported as unrecognized.
 */
export function httpService(options: HttpServiceOptions): AnyServiceDefinition {
  const logger = options.logger.child({ service: 'http' });
  return {
    ...HTTP,
    service: {
      async run(signal: AbortSignal) {
        let server: HttpServer;
        try {
          server = await startHttpServer({ ...options, logger });
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          logger.error(failure.message);
          options.onFatal(failure);
          throw failure;
        }
        const { host, port } = server.address;
        logger.info('now listening for http traffic', { addr: `${host.includes(':') ? `[${host}]` : host}:${port}` });
        options.onListening?.(server);
        await untilAborted(signal);
        await server.close();
      },
      async update() {},
      data: () => undefined,
    },
  };
}

/**
 * `livedebugging { enabled = … }` (spec §1.3): accepted so configs written for Alloy load;
 * live debugging streams come with the web UI.
 */
export function liveDebuggingService(): AnyServiceDefinition {
  let enabled = false;
  return {
    ...LIVE_DEBUGGING,
    service: {
      run: untilAborted,
      async update(config: { enabled: boolean }) {
        enabled = config.enabled;
      },
      data: () => ({ enabled }),
    },
  };
}

/** What `getServiceData("cluster")` gives components while clustering does not exist. */
export interface ClusterData {
  readonly ready: boolean;
  /** Whether this node owns `key`: a single node owns everything. */
  owns(key: string): boolean;
}

/** The `cluster` service as a single node that is always ready and owns everything (spec §8). */
export function clusterService(): AnyServiceDefinition {
  const data: ClusterData = { ready: true, owns: () => true };
  return { ...CLUSTER, service: { run: untilAborted, async update() {}, data: () => data } };
}

/**
 * The services with their names, blocks and dependencies but nothing behind them: what
 * `ingot validate` checks a config against, without starting anything.
 */
export function inertServices(): AnyServiceDefinition[] {
  const inert = { run: untilAborted, async update() {}, data: () => undefined };
  return [HTTP, CLUSTER, LIVE_DEBUGGING].map((description) => ({ ...description, service: inert }));
}
