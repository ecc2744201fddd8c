/**
 * `local.file`: exports the contents of a file and keeps them current (upstream
 * internal/component/local/file/file.go, spec §10).
 */
import { readFileSync } from 'node:fs';
import {
  defineComponent,
  osErrorMessage,
  sleep,
  startDetector,
  type Component,
  type ComponentOptions,
  type Detector,
  type Health,
} from '@ingot/runtime';
import { OptionalSecret } from '@ingot/syntax';
import { Gauge } from 'prom-client';
import { Arguments, detectorOf, Exports, type LocalFileArguments, type LocalFileExports } from './arguments.js';
import { ReloadRequests } from './reload-requests.js';

/**
 * How long `run` waits after a change is signalled before reading: writers often truncate
 * and then write, and reading in between would export a partial file.
 */
const SETTLE_MS = 30;

const LAST_ACCESSED = 'local_file_timestamp_last_accessed_unix_seconds';

export const localFile = defineComponent({
  name: 'local.file',
  stability: 'generally-available',
  arguments: Arguments,
  exports: Exports,
  async build(options, args) {
    return LocalFile.create(options, args);
  },
});

/** The detector and the reload requests of the `run` in progress. */
interface Running {
  readonly reloads: ReloadRequests;
  detector: Detector;
}

/**
 * Reads are synchronous on purpose: a read and the exports it publishes then happen
 * without interleaving, so a re-read that `run` started can never publish a file that an
 * `update` in between has replaced (upstream holds a mutex across both for the same reason).
 * The files are small local configuration values.
 *
 * Detectors exist only while `run` runs (upstream starts one in its constructor): a
 * component the runtime builds but never runs then holds no timer or watcher.
 */
class LocalFile implements Component<LocalFileArguments> {
  readonly #options: ComponentOptions<LocalFileExports>;
  readonly #lastAccessed: Gauge;
  #args: LocalFileArguments;
  // Replaced by the first read, before the instance is handed out.
  #health: Health = { state: 'unknown', message: 'component created', updateTime: new Date() };
  #running: Running | undefined;

  private constructor(options: ComponentOptions<LocalFileExports>, args: LocalFileArguments, lastAccessed: Gauge) {
    this.#options = options;
    this.#args = args;
    this.#lastAccessed = lastAccessed;
  }

  /** Reads the file once, publishing its contents, or rejects with why it could not. */
  static create(options: ComponentOptions<LocalFileExports>, args: LocalFileArguments): LocalFile {
    checkPollFrequency(args);
    // Registered only once the first read succeeded, so a failed build leaves no trace, and
    // in place of any gauge an earlier instance left in this registry: the runtime may build
    // again after a failure, and prom-client refuses a name twice.
    const lastAccessed = new Gauge({
      name: LAST_ACCESSED,
      help: 'The last successful access in unix seconds',
      registers: [],
    });
    const component = new LocalFile(options, args, lastAccessed);
    component.#readOrThrow(args);
    options.metrics.removeSingleMetric(LAST_ACCESSED);
    options.metrics.registerMetric(lastAccessed);
    return component;
  }

  async run(signal: AbortSignal): Promise<void> {
    if (this.#running !== undefined) throw new Error('local.file: run called while already running');
    if (signal.aborted) return;
    const reloads = new ReloadRequests();
    const running: Running = { reloads, detector: this.#startDetector(reloads) };
    this.#running = running;
    // Upstream's detector is live from construction on, so a change made before `run`
    // still leads to a read. This detector started only now: look once.
    reloads.request();
    try {
      while ((await reloads.next(signal)) && (await sleep(SETTLE_MS, signal))) {
        this.#read(this.#args);
      }
    } finally {
      running.detector.close();
      this.#running = undefined;
    }
  }

  /**
   * Upstream switches to the new arguments before reading, so a failed update leaves it
   * reading the new (unreadable) file with the old detector. Here a refused update changes
   * nothing but the health, as the component contract says.
   */
  async update(args: LocalFileArguments): Promise<void> {
    checkPollFrequency(args);
    this.#readOrThrow(args);
    this.#args = args;
    // Upstream recreates the detector on every update; the filename, detector or frequency
    // may have changed, and a fresh one is cheap.
    const running = this.#running;
    if (running !== undefined) {
      running.detector.close();
      running.detector = this.#startDetector(running.reloads);
    }
  }

  currentHealth(): Health {
    return this.#health;
  }

  #startDetector(reloads: ReloadRequests): Detector {
    return startDetector(detectorOf(this.#args), {
      filename: this.#args.filename,
      pollFrequency: this.#args.poll_frequency,
      logger: this.#options.logger,
      onChange: () => reloads.request(),
    });
  }

  #readOrThrow(args: LocalFileArguments): void {
    const error = this.#read(args);
    if (error !== undefined) throw new Error(error);
  }

  /**
   * Reads `args.filename` and publishes it; a failure keeps the last exports. Returns the
   * failure's message, which is also the health message.
   */
  #read(args: LocalFileArguments): string | undefined {
    let content: string;
    try {
      content = readFileSync(args.filename, 'utf8');
    } catch (error) {
      const reason = osErrorMessage(error, args.filename);
      const message = `failed to read file: ${reason}`;
      this.#health = { state: 'unhealthy', message, updateTime: new Date() };
      // Upstream logs the component's data path here; the file's path is the useful one.
      this.#options.logger.error('failed to read file', { path: args.filename, err: reason });
      return message;
    }
    this.#lastAccessed.setToCurrentTime();
    this.#options.onExports({ content: new OptionalSecret(content, args.is_secret) });
    this.#health = { state: 'healthy', message: 'read file', updateTime: new Date() };
    return undefined;
  }
}

function checkPollFrequency(args: LocalFileArguments): void {
  if (args.poll_frequency <= 0) throw new Error('poll_frequency must be greater than 0');
}
