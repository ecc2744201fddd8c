import type { Logger } from '../component/options.js';
import { messageOf } from './live/evaluation.js';

/** A node the scheduler can run: components, services (and later imports and foreach). */
export interface Runnable {
  readonly id: string;
  /** Whether it should be started when it has no task: built, and not ended cleanly. */
  readonly wantsToRun: boolean;
  run(signal: AbortSignal): Promise<void>;
}

interface Task {
  readonly node: Runnable;
  readonly abort: AbortController;
  readonly done: Promise<void>;
}

export interface SchedulerOptions {
  readonly logger: Logger;
  /** How long a stop may take before the task is abandoned; 0 waits forever (`--feature.component-shutdown-deadline`). */
  readonly shutdownDeadlineMs: number;
  /** How often a slow stop is reported; one minute upstream. */
  readonly slowStopWarningMs?: number;
}

/**
 * Starts and stops the runnable nodes of a graph (spec §1.9). Tasks are keyed by node ID:
 * a node that keeps its ID keeps its task. Stops come before starts, so that a component
 * being replaced releases its port before its successor binds it; stops go dependants
 * first, starts dependencies first. A stop waits for `run` to settle, up to the deadline.
 *
 * Differences from upstream, both recommended by the spec: a node that ended with an error
 * is restarted at the next synchronize, one that ended cleanly is not; and a node built
 * after its first failed evaluation is started as soon as the controller asks, not at the
 * next reload.
 */
export class Scheduler {
  readonly #tasks = new Map<string, Task>();
  readonly #options: SchedulerOptions;
  /** Synchronizations run one after the other. */
  #queue: Promise<void> = Promise.resolve();
  /** The order nodes were given in at the last synchronize: stopping uses it backwards. */
  #rank = new Map<string, number>();

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  /** IDs with a running task. */
  running(): readonly string[] {
    return [...this.#tasks.keys()];
  }

  /**
   * Makes the tasks match `nodes`, given in dependency order (dependencies first). Resolves
   * once removed tasks have stopped and new ones were launched (not once they are ready).
   */
  synchronize(nodes: readonly Runnable[]): Promise<void> {
    const next = this.#queue.then(() => this.#synchronize(nodes));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Settles once the synchronizations asked for so far are done. */
  idle(): Promise<void> {
    return this.#queue;
  }

  /** Stops every task, dependants first, and waits for them (shutdown). */
  stopAll(): Promise<void> {
    return this.synchronize([]);
  }

  async #synchronize(nodes: readonly Runnable[]): Promise<void> {
    const wanted = new Map(nodes.map((node) => [node.id, node]));
    const stopping = [...this.#tasks.values()]
      .filter((task) => wanted.get(task.node.id) !== task.node)
      .sort((a, b) => (this.#rank.get(b.node.id) ?? 0) - (this.#rank.get(a.node.id) ?? 0));
    for (const task of stopping) await this.#stop(task);

    this.#rank = new Map(nodes.map((node, index) => [node.id, index]));
    for (const node of nodes) {
      if (!this.#tasks.has(node.id) && node.wantsToRun) this.#start(node);
    }
  }

  #start(node: Runnable): void {
    const abort = new AbortController();
    const { logger } = this.#options;
    const done = (async () => {
      try {
        await node.run(abort.signal);
        logger.info('node exited without error', { node: node.id });
      } catch (error) {
        logger.error('node exited with error', { node: node.id, err: messageOf(error) });
      } finally {
        if (this.#tasks.get(node.id)?.node === node) this.#tasks.delete(node.id);
      }
    })();
    this.#tasks.set(node.id, { node, abort, done });
  }

  async #stop(task: Task): Promise<void> {
    const { logger, shutdownDeadlineMs, slowStopWarningMs = 60_000 } = this.#options;
    task.abort.abort();
    const warning = setInterval(
      () => logger.warn('task shutdown is taking longer than expected', { node: task.node.id }),
      slowStopWarningMs,
    );
    let deadline: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      if (shutdownDeadlineMs > 0) deadline = setTimeout(() => resolve('expired'), shutdownDeadlineMs);
    });
    try {
      const outcome = await Promise.race([task.done.then(() => 'stopped' as const), expired]);
      if (outcome === 'expired') {
        logger.error('task shutdown deadline exceeded', { node: task.node.id });
        if (this.#tasks.get(task.node.id) === task) this.#tasks.delete(task.node.id);
      }
    } finally {
      clearInterval(warning);
      clearTimeout(deadline);
    }
  }
}
