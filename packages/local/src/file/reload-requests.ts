/**
 * Requests to re-read the file, coalesced: however many arrive while one is pending, the
 * reader sees one (upstream's one-slot `reloadCh`). Detectors may fire in bursts (an editor
 * saving emits several events); one read after the burst is all that is needed.
 */
export class ReloadRequests {
  #pending = false;
  /** Set while `next` waits, so a request can hand itself over at once. */
  #wake: (() => void) | undefined;

  /** Asks for a re-read; never blocks. */
  request(): void {
    this.#pending = true;
    this.#wake?.();
  }

  /**
   * Resolves `true` once a request is pending (consuming it), or `false` when `signal`
   * aborts, which takes precedence over a pending request.
   */
  next(signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const onAbort = (): void => {
        this.#wake = undefined;
        resolve(false);
      };
      this.#wake = () => {
        signal.removeEventListener('abort', onAbort);
        this.#wake = undefined;
        this.#pending = false;
        resolve(true);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
