import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchText, type FetchTextInit, type TextResponse } from './fetch-text.js';
import { spawnIngot, type IngotProcess, type ProcessExit, type SpawnIngotOptions } from './ingot-process.js';
import { parseLogfmt } from './logfmt.js';
import { parseMetrics, type MetricSample } from './metrics.js';

export interface StartIngotOptions extends SpawnIngotOptions {
  /**
   * The config, written to `config.alloy` in the instance's own temporary directory; as a
   * function, it gets that directory (for files the config names).
   */
  readonly config?: string | ((dir: string) => string);
  /**
   * A config file or directory to run instead of `config`; as a function, it gets the
   * instance's directory (to make the config there) and returns the path.
   */
  readonly configPath?: string | ((dir: string) => string);
  /** More arguments after `run <path>` and the testkit's own flags. */
  readonly args?: readonly string[];
  /** How long to wait for the HTTP server to listen; 30 s by default. */
  readonly startTimeoutMs?: number;
}

/** An `ingot run` whose HTTP server listens. */
export interface RunningIngot extends IngotProcess {
  readonly port: number;
  /** `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  /** The instance's temporary directory, removed by `stop`. */
  readonly dir: string;
  /** The config path given to `ingot run`. */
  readonly configPath: string;
  /** `--storage.path`, inside `dir`. */
  readonly storagePath: string;
  /** Replaces the config file's content (a reload then picks it up). */
  writeConfig(text: string): void;
  /** `fetchText` of a path on this instance's server. */
  request(path: string, init?: FetchTextInit): Promise<TextResponse>;
  /** The samples of `/metrics`. */
  metrics(): Promise<MetricSample[]>;
  /** Ends the process if it still runs, then removes `dir`. */
  stop(): Promise<ProcessExit>;
}

const LISTENING = 'now listening for http traffic';

/**
 * Starts `ingot run` on a free port (`--server.http.listen-addr=127.0.0.1:0`) with its
 * storage in a temporary directory, and resolves once it listens: the port is read from
 * the `now listening for http traffic` log line. Fails, with the captured stderr, if the
 * process exits first or does not listen in time; nothing is left behind then.
 */
export async function startIngot(options: StartIngotOptions): Promise<RunningIngot> {
  const dir = mkdtempSync(join(tmpdir(), 'ingot-testkit-'));
  const storagePath = join(dir, 'data');
  let configPath: string;
  if (options.configPath !== undefined) {
    configPath = typeof options.configPath === 'string' ? options.configPath : options.configPath(dir);
  } else if (options.config !== undefined) {
    configPath = join(dir, 'config.alloy');
    writeFileSync(configPath, typeof options.config === 'string' ? options.config : options.config(dir));
  } else {
    rmSync(dir, { recursive: true, force: true });
    throw new Error('startIngot needs a config or a configPath');
  }

  const ingot = spawnIngot(
    ['run', configPath, '--server.http.listen-addr=127.0.0.1:0', `--storage.path=${storagePath}`, ...(options.args ?? [])],
    options,
  );
  const stop = async () => {
    try {
      return await ingot.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  let port: number;
  try {
    const line = await ingot.waitForLog(LISTENING, options.startTimeoutMs ?? 30_000);
    const addr = parseLogfmt(line).addr ?? '';
    const match = /:(\d+)$/.exec(addr);
    if (match === null) throw new Error(`no port in the addr of: ${line}`);
    port = Number(match[1]);
  } catch (error) {
    await stop();
    throw error;
  }

  const baseUrl = `http://127.0.0.1:${port}`;
  const request = (path: string, init?: FetchTextInit) => fetchText(`${baseUrl}${path}`, init);
  return {
    ...ingot,
    port,
    baseUrl,
    dir,
    configPath,
    storagePath,
    writeConfig: (text) => writeFileSync(configPath, text),
    request,
    async metrics() {
      const response = await request('/metrics');
      if (response.status !== 200) throw new Error(`/metrics answered ${response.status}: ${response.body}`);
      return parseMetrics(response.body);
    },
    stop,
  };
}
