/**
 * Runs keyed tasks with bounded concurrency, coalescing by key (spec §1.10): a key already
 * waiting is not queued again, a running key may have one more run waiting, and a key never
 * runs twice at once. Evaluations read the latest state when they start, so a coalesced
 * request loses nothing: the run that happens sees everything the dropped one would have.
 *
 * The queue holds at most one entry per key, so it is bounded by the number of nodes;
 * upstream's fixed capacity and its retry-with-backoff when full are therefore not needed.
 */
export class WorkerPool {
  readonly #concurrency: number;
  /** Waiting keys in submission order, each with the task to run. */
  readonly #waiting = new Map<string, () => Promise<void>>();
  readonly #running = new Set<string>();
  #idle: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(concurrency: number) {
    if (!(concurrency >= 1)) throw new RangeError(`worker pool concurrency must be at least 1, got ${concurrency}`);
    this.#concurrency = concurrency;
  }

  /** Queues `task` under `key` unless that key is already waiting. */
  submit(key: string, task: () => Promise<void>): void {
    if (this.#waiting.has(key)) return;
    this.#waiting.set(key, task);
    this.#pump();
  }

  /** Waiting plus running tasks. */
  get size(): number {
    return this.#waiting.size + this.#running.size;
  }

  /** Settles once nothing waits or runs (immediately if already so). */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    if (this.#idle === undefined) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.#idle = { promise, resolve };
    }
    return this.#idle.promise;
  }

  #pump(): void {
    for (const [key, task] of this.#waiting) {
      if (this.#running.size >= this.#concurrency) return;
      if (this.#running.has(key)) continue;
      this.#waiting.delete(key);
      this.#running.add(key);
      void this.#run(key, task);
    }
    if (this.size === 0 && this.#idle !== undefined) {
      this.#idle.resolve();
      this.#idle = undefined;
    }
  }

  async #run(key: string, task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch {
      // Tasks report their own failures; one failing must not stop the pool.
    } finally {
      this.#running.delete(key);
      this.#pump();
    }
  }
}
