/**
 * Evaluations triggered by export changes run concurrently with each other but never with
 * a load (spec §1.10: "a reload waits for running evaluations and vice versa"). A waiting
 * load goes first: evaluations that arrive while it waits queue behind it, so a steady
 * stream of export changes cannot starve a reload.
 */
export class EvaluationLock {
  #shared = 0;
  #exclusive = false;
  /** Loads waiting, then the evaluations that queued behind them. */
  #queue: { readonly exclusive: boolean; readonly grant: () => void }[] = [];

  /** Runs an evaluation; many may hold the lock together. */
  async shared<T>(work: () => Promise<T>): Promise<T> {
    if (this.#exclusive || this.#queue.length > 0) await this.#wait(false);
    else this.#shared++;
    try {
      return await work();
    } finally {
      this.#shared--;
      this.#next();
    }
  }

  /** Runs a load alone. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.#exclusive || this.#shared > 0 || this.#queue.length > 0) await this.#wait(true);
    else this.#exclusive = true;
    try {
      return await work();
    } finally {
      this.#exclusive = false;
      this.#next();
    }
  }

  #wait(exclusive: boolean): Promise<void> {
    return new Promise((grant) => this.#queue.push({ exclusive, grant }));
  }

  /** Hands the lock to whoever queued first: one load, or every evaluation up to the next load. */
  #next(): void {
    if (this.#exclusive || this.#shared > 0) return;
    const first = this.#queue[0];
    if (first === undefined) return;
    if (first.exclusive) {
      this.#queue.shift();
      this.#exclusive = true;
      first.grant();
      return;
    }
    while (this.#queue[0] !== undefined && !this.#queue[0].exclusive) {
      this.#shared++;
      this.#queue.shift()!.grant();
    }
  }
}
